/* b64-enc: standard base64 (RFC 4648 section 4: A-Z a-z 0-9 + /, '=' padding, no line
   breaks) of any bytes, for embedding binary blobs in JSON configs:
     "hello" -> "aGVsbG8=", "hi" -> "aGk=", "" -> "".
   Every input is accepted. The output is 4 * ceil(n / 3) bytes; with a smaller capacity the
   call returns -3 and names exactly that size. No heap, no imports, no state. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "b64-enc v1.3.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010300; }

static const char ALPHABET[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* the length cell may sit at any address: read and write it byte by byte */
static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    if (n > 0xBFFFFFFCu) return -1; /* 4 * ceil(n / 3) would not fit a u32 */
    uint32_t need = (uint32_t)((n + 2) / 3 * 4);
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, need);
        return -3;
    }
    if (n == 0) {
        put_u32(cell, 0);
        return 0;
    }

    size_t i, o = 0;
    /* whole 3-byte groups first; the last one or two bytes are padded below */
    for (i = 0; i < n - 2; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = ALPHABET[v >> 18];
        out[o++] = ALPHABET[(v >> 12) & 63];
        out[o++] = ALPHABET[(v >> 6) & 63];
        out[o++] = ALPHABET[v & 63];
    }
    size_t rest = n - i;
    if (rest == 1) {
        uint32_t v = (uint32_t)in[i] << 16;
        out[o++] = ALPHABET[v >> 18];
        out[o++] = ALPHABET[(v >> 12) & 63];
        out[o++] = '=';
        out[o++] = '=';
    } else if (rest == 2) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
        out[o++] = ALPHABET[v >> 18];
        out[o++] = ALPHABET[(v >> 12) & 63];
        out[o++] = ALPHABET[(v >> 6) & 63];
        out[o++] = '=';
    }
    put_u32(cell, (uint32_t)o);
    return 0;
}
