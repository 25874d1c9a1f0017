/* data-uri: wraps any bytes as an RFC 2397 data URI with base64 payload, for embedding
   preprocessed blobs in JSON/HTML manifests:
     "hi" -> "data:application/octet-stream;base64,aGk="
   Every input is valid; the empty input gives the bare prefix (37 bytes). Output size is
   37 + 4 * ceil(n / 3) bytes, no trailing newline. No heap, no imports. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "data-uri v1.0.2";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010002; }

static const char PREFIX[] = "data:application/octet-stream;base64,";
#define PREFIX_LEN (sizeof PREFIX - 1)

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint32_t cap = get_u32(cell);
    /* 4 * ceil(n / 3) must fit the u32 cell together with the prefix */
    if (n > 0xBFFFFF00u) return -1;
    size_t b64 = 4 * ((n + 2) / 3);

    /* room left for the payload once the prefix is written */
    if (b64 > cap - PREFIX_LEN) {
        put_u32(cell, (uint32_t)(PREFIX_LEN + b64));
        return -3;
    }

    size_t o = 0;
    for (size_t i = 0; i < PREFIX_LEN; i++) out[o++] = (uint8_t)PREFIX[i];

    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = (uint8_t)B64[v >> 18];
        out[o++] = (uint8_t)B64[(v >> 12) & 63];
        out[o++] = (uint8_t)B64[(v >> 6) & 63];
        out[o++] = (uint8_t)B64[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)in[i] << 16;
        out[o++] = (uint8_t)B64[v >> 18];
        out[o++] = (uint8_t)B64[(v >> 12) & 63];
        out[o++] = '=';
        out[o++] = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
        out[o++] = (uint8_t)B64[v >> 18];
        out[o++] = (uint8_t)B64[(v >> 12) & 63];
        out[o++] = (uint8_t)B64[(v >> 6) & 63];
        out[o++] = '=';
    }
    put_u32(cell, (uint32_t)o);
    return 0;
}
