// b64dec: decodes standard base64 (RFC 4648 alphabet, '=' padding optional). MIME-style line
// breaks (CR, LF) between characters are skipped. Anything else, or a length that cannot be
// base64, is -1. Empty input decodes to empty output.
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "b64dec v0.3.1";

static int8_t val(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *output_len) {
    // pass 1: validate and count the data characters
    size_t q = 0, pad = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == '\n') continue;                 // line break
        if (c == '=') { pad++; continue; }
        if (pad) return -1;                      // data after padding
        if (c != '\r' && val(c) < 0) return -1;
        q++;
    }
    if (pad > 2 || q % 4 == 1) return -1;
    size_t needed = q / 4 * 3 + (q % 4 == 3 ? 2 : q % 4 == 2 ? 1 : 0);
    size_t cap = *output_len;
    if (needed > cap) { *output_len = needed; return -3; }

    // pass 2: decode
    uint32_t acc = 0; int bits = 0; size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == '\r' || c == '\n' || c == '=') continue;
        acc = (acc << 6) | (uint32_t)val(c);
        bits += 6;
        if (bits >= 8) { bits -= 8; out[o++] = (uint8_t)(acc >> bits); }
    }
    *output_len = needed;
    return 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000301; }
