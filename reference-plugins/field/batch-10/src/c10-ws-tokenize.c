/* ws-tokenize: the guide's whitespace tokenizer in C. The input must be UTF-8 (else -1);
   it is split on whitespace and every word becomes the u32 id simple_hash(word)
   (h = h * 31 + byte, wrapping, from 0):
     tokenize: capacity and count in u32 elements, ids written as u32;
     process:  the same ids as little-endian bytes, capacity and count in bytes.
   No words (empty or blank input) gives an empty output. No heap, no imports. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "ws-tokenize v1.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010100; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* strict UTF-8: no overlongs, no surrogates, nothing past U+10FFFF, nothing truncated */
static int valid_utf8(const uint8_t *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (n - i < len) return 0;
        for (size_t k = 1; k < len; k++) {
            uint8_t d = s[i + k];
            if ((d & 0xC0) != 0x80) return 0;
            cp = cp << 6 | (d & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

/* Walks the words; writes their ids to out (as LE bytes) when out is not NULL.
   Returns the word count. */
static uint32_t scan(const uint8_t *in, size_t n, uint8_t *out) {
    uint32_t count = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace(in[i])) i++;
        if (i >= n) break;
        uint32_t h = 0;
        while (i < n && !isspace(in[i])) h = h * 31u + in[i++];
        if (out) put_u32(out + 4 * count, h);
        count++;
    }
    return count;
}

/* elem = 4 for tokenize (the cell counts u32 elements), 1 for process (bytes) */
static int32_t run(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell, uint32_t elem) {
    if (!valid_utf8(in, n)) return -1;
    uint32_t words = scan(in, n, NULL);
    uint32_t need = elem == 4 ? words : words * 4;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, need);
        return -3;
    }
    scan(in, n, out);
    put_u32(cell, need);
    return 0;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    return run(in, n, out, cell, 1);
}

__attribute__((export_name("tokenize")))
int32_t tokenize(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    return run(in, n, out, cell, 4);
}
