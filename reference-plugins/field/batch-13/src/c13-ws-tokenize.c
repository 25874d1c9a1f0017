/* c13-ws-tokenize: the guide's whitespace tokenizer (tokenizer profile).
 *
 * UTF-8 text in (strictly validated: overlongs, surrogates and code points past
 * U+10FFFF are -1), split on Unicode White_Space, one simple_hash id (h = h*31 + byte,
 * wrapping u32) per word. tokenize counts in u32 ids, process gives the same ids as
 * little-endian bytes and counts in bytes; both answer -3 with the exact size.
 * No heap, no imports.
 *
 * Ids are stored through a uint32_t pointer, as the guide's *mut u32 does; a misaligned
 * uint32_t store is undefined behaviour in C (and Rust), so an output that is not
 * 4-aligned is refused rather than written through.
 */
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence at p[0..n); returns its length (0 if invalid). */
static size_t decode(const uint8_t *p, size_t n, uint32_t *cp) {
    uint8_t b = p[0];
    if (b < 0x80) { *cp = b; return 1; }
    size_t len; uint8_t lo = 0x80, hi = 0xBF; uint32_t c;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; c = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) {
        len = 3; c = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4; c = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else return 0;
    if (n < len) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    c = c << 6 | (p[1] & 0x3F);
    for (size_t k = 2; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) return 0;
        c = c << 6 | (p[k] & 0x3F);
    }
    *cp = c;
    return len;
}

static int is_ws(uint32_t c) {
    if ((c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680) return 1;
    if (c >= 0x2000 && c <= 0x200A) return 1;
    return c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Returns the number of words (or -1 for invalid UTF-8); writes the first cap ids. */
static long tok(const uint8_t *in, size_t n, uint32_t *ids, size_t cap) {
    size_t i = 0, count = 0;
    int in_word = 0;
    uint32_t h = 0;
    while (i < n) {
        uint32_t cp;
        size_t l = decode(in + i, n - i, &cp);
        if (l == 0) return -1;
        if (is_ws(cp)) {
            if (in_word) { if (count < cap) ids[count] = h; count++; in_word = 0; }
        } else {
            if (!in_word) { in_word = 1; h = 0; }
            for (size_t k = 0; k < l; k++) h = h * 31 + in[i + k];
        }
        i += l;
    }
    if (in_word) { if (count < cap) ids[count] = h; count++; }
    return (long)count;
}

__attribute__((export_name("tokenize")))
int tokenize(const uint8_t *in, size_t n, uint32_t *out, size_t *out_len) {
    if ((uintptr_t)out % _Alignof(uint32_t) != 0) return -1;
    size_t cap = *out_len;
    long count = tok(in, n, out, cap);
    if (count < 0) return -1;
    *out_len = (size_t)count;
    return (size_t)count > cap ? -3 : 0;
}

int process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    if ((uintptr_t)out % _Alignof(uint32_t) != 0) return -1;
    size_t cap = *out_len / 4;
    long count = tok(in, n, (uint32_t *)out, cap);
    if (count < 0) return -1;
    *out_len = (size_t)count * 4;
    return (size_t)count > cap ? -3 : 0;
}

const char *plugin_info(void) { return "c13-ws-tokenize v0.3.1"; }
uint32_t plugin_version(void) { return 0u << 16 | 3u << 8 | 1u; }
