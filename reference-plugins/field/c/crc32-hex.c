/*
 * crc32-hex: writes the CRC-32 (IEEE 802.3, as zlib's crc32) of the input as 8 lowercase
 * hex digits. "123456789" -> "cbf43926".
 *
 * Lifecycle: init() builds the lookup table, cleanup() wipes it. process() returns -99
 * (Internal) when called outside init()..cleanup(), as the host never does.
 */
#include <stddef.h>
#include <stdint.h>

static const char INFO[] = "crc32-hex v1.1.0";
static const char HEX[] = "0123456789abcdef";

static uint32_t table[256];
static int ready;

int32_t init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    ready = 1;
    return 0;
}

void cleanup(void) {
    for (int n = 0; n < 256; n++) table[n] = 0;
    ready = 0;
}

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!ready) return -99;
    if (!output_len) return -1;
    if (*output_len < 8) {
        *output_len = 8;
        return -3;
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < input_len; i++) crc = table[(crc ^ input[i]) & 0xFF] ^ (crc >> 8);
    crc ^= 0xFFFFFFFFu;
    for (int i = 0; i < 8; i++) output[i] = (unsigned char)HEX[(crc >> (28 - 4 * i)) & 0xF];
    *output_len = 8;
    return 0;
}

const char *plugin_info(void) { return INFO; }

uint32_t plugin_version(void) { return 1u << 16 | 1u << 8; }
