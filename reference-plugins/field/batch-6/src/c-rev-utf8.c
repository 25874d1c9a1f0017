/* rev-utf8: reverses the characters of every line, like rev(1) in a UTF-8 locale:
   "héllo\nab" -> "olléh\nba". Line ends (LF) stay where they are; characters are code points,
   so multi-byte characters come out intact. The output is exactly as long as the input.
   Input that is not UTF-8 (overlong forms, surrogates, past U+10FFFF, cut-off sequences) is
   -1. Each line is decoded into a code-point array and written back to front. No heap. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "rev-utf8 v1.0.2";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010002; }

/* Decodes one character at in[i..n); returns its length, 0 if invalid. */
static size_t decode(const uint8_t *in, size_t i, size_t n, uint32_t *cp) {
    uint8_t b = in[i];
    if (b < 0x80) { *cp = b; return 1; }
    size_t len; uint32_t c, min;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; c = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; c = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; c = b & 0x07; min = 0x10000; }
    else return 0;
    if (n - i < len) return 0;
    for (size_t k = 1; k < len; k++) {
        uint8_t t = in[i + k];
        if ((t & 0xC0) != 0x80) return 0;
        c = (c << 6) | (t & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

static size_t encode(uint32_t c, uint8_t *o) {
    if (c < 0x80) { o[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { o[0] = 0xC0 | (c >> 6); o[1] = 0x80 | (c & 0x3F); return 2; }
    if (c < 0x10000) { o[0] = 0xE0 | (c >> 12); o[1] = 0x80 | ((c >> 6) & 0x3F); o[2] = 0x80 | (c & 0x3F); return 3; }
    o[0] = 0xF0 | (c >> 18); o[1] = 0x80 | ((c >> 12) & 0x3F); o[2] = 0x80 | ((c >> 6) & 0x3F); o[3] = 0x80 | (c & 0x3F);
    return 4;
}

/* Reverses one line (no LF) of len bytes from in to out; returns bytes written, or -1. */
static long rev_line(const uint8_t *in, size_t len, uint8_t *out) {
    if (len == 0) return 0;
    uint32_t cps[len];           /* at most one code point per byte */
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        size_t l = decode(in, i, len, &cps[k]);
        if (!l) return -1;
        i += l; k++;
    }
    size_t o = 0;
    while (k) o += encode(cps[--k], out + o);
    return (long)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    /* validate first, so that a too-small capacity never hides invalid input */
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = decode(in, i, n, &c);
        if (!l) return -1;
        i += l;
    }
    if (n > *out_len) { *out_len = (uint32_t)n; return -3; }
    size_t o = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || in[i] == '\n') {
            long w = rev_line(in + start, i - start, out + o);
            if (w < 0) return -1;
            o += (size_t)w;
            if (i < n) out[o++] = '\n';
            start = i + 1;
        }
    }
    *out_len = (uint32_t)o;
    return 0;
}
