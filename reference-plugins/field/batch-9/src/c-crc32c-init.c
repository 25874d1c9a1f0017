/* crc32c-init: the CRC-32C (Castagnoli, iSCSI/ext4/Kafka) checksum of the whole input as
   8 lowercase hex digits and LF: "123456789" -> "e3069283\n". Any bytes; the empty input
   gives "00000000\n". The output is always 9 bytes, whatever the input size: -3 names 9.

   The 1 KiB lookup table is built by init() (the lifecycle hook the host calls once before
   any other export) and wiped again by cleanup(); process() never rebuilds it, and returns
   -99 if it is somehow called without init having run. Nothing else is kept between calls.
   No heap, no imports. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "crc32c-init v2.0.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020001; }

static uint32_t table[256];
static int ready;

int32_t init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        table[i] = c;
    }
    ready = 1;
    return 0;
}

void cleanup(void) {
    for (int i = 0; i < 256; i++) table[i] = 0;
    ready = 0;
}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static const char HEX[] = "0123456789abcdef";

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    if (!ready) return -99;
    uint32_t cap = get_u32(cell);
    if (cap < 9) { put_u32(cell, 9); return -3; }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) crc = table[(crc ^ in[i]) & 0xFF] ^ (crc >> 8);
    crc ^= 0xFFFFFFFFu;
    for (int k = 0; k < 8; k++) out[k] = (uint8_t)HEX[(crc >> (28 - 4 * k)) & 15];
    out[8] = '\n';
    put_u32(cell, 9);
    return 0;
}
