/* dec2bin: converts one unsigned decimal number (up to 2^64 - 1) to its binary digits, most
   significant first, no leading zeros, and a LF: "10" -> "1010\n", "0" -> "0\n".
   One optional trailing LF (or CRLF) is accepted after the digits; anything else (empty
   input, a sign, spaces, other characters, a value past 2^64 - 1) is -1.
   Output is at most 65 bytes. No heap, no imports. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "dec2bin v1.0.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010001; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* binary digits of v as a C string (static buffer, like the classic itoa) */
static char bin_buf[65];
static const char *to_bin(uint64_t v) {
    int top = 63;
    while (top > 0 && !((v >> top) & 1)) top--;
    int k = 0;
    for (int b = top; b >= 0; b--) bin_buf[k++] = (char)('0' + ((v >> b) & 1));
    return bin_buf;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    size_t len = n;
    if (len > 0 && in[len - 1] == '\n') len--;
    if (len > 0 && in[len - 1] == '\r' && len < n) len--;
    if (len == 0 || len > 20) return -1;

    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = in[i];
        if (c < '0' || c > '9') return -1;
        uint64_t d = c - '0';
        if (v > (UINT64_MAX - d) / 10) return -1;
        v = v * 10 + d;
    }

    const char *bits = to_bin(v);
    uint32_t blen = (uint32_t)strlen(bits);
    uint32_t need = blen + 1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, need);
        return -3;
    }
    for (uint32_t i = 0; i < blen; i++) out[i] = (uint8_t)bits[i];
    out[blen] = '\n';
    put_u32(cell, need);
    return 0;
}
