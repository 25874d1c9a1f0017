/* c13-bits-ascii: writes every input byte as its 8 binary digits, MSB first.
 *
 * "Hi" -> "01001000 01101001\n". Bytes are separated by a space, with a line feed after
 * every 8th byte and after the last one, so the output is exactly 9 bytes per input byte
 * (a 1 MiB input gives 9 MiB) and the empty input gives the empty output. Every input is
 * accepted; -3 stores the exact size 9n (-2 if 9n does not fit in 32 bits).
 * No heap, no imports. init builds the 256 x 8 digit table the calls copy from (the ABI
 * calls init once, before any other export); cleanup wipes it; plugin_version agrees
 * with plugin_info.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint8_t digits[256][8];

int init(void) {
    for (unsigned b = 0; b < 256; b++)
        for (unsigned k = 0; k < 8; k++)
            digits[b][k] = (uint8_t)('0' + ((b >> (7 - k)) & 1));
    return 0;
}

void cleanup(void) { memset(digits, 0, sizeof digits); }

int process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    size_t cap = *out_len;
    uint64_t need64 = (uint64_t)n * 9;
    if (need64 > UINT32_MAX) return -2;
    size_t need = (size_t)need64;
    if (need > cap) { *out_len = need; return -3; }
    uint8_t *o = out;
    for (size_t i = 0; i < n; i++) {
        memcpy(o, digits[in[i]], 8);
        o[8] = (i % 8 == 7 || i + 1 == n) ? '\n' : ' ';
        o += 9;
    }
    *out_len = need;
    return 0;
}

const char *plugin_info(void) { return "c13-bits-ascii v1.3.0"; }
uint32_t plugin_version(void) { return 1u << 16 | 3u << 8 | 0u; }
