/* uni-escape: rewrites UTF-8 text as 7-bit ASCII, like Java's native2ascii: every character
   above U+007F becomes \uXXXX (four lowercase hex digits), characters above U+FFFF become a
   UTF-16 surrogate pair of two escapes ("😀" -> "\ud83d\ude00"); ASCII is copied unchanged.
   Input that is not UTF-8 (bad or missing continuation bytes, overlong forms, surrogates,
   code points past U+10FFFF) is -1. No heap: a validating/sizing pass, then a writing pass. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "uni-escape v1.3.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010300; }

enum { ZE_OK = 0, ZE_INVALID = -1, ZE_NO_SPACE = -2, ZE_INTERNAL = -99 };

/* Decodes one character at in[i]; returns its length (0 when invalid), sets *cp. */
static size_t utf8_next(const uint8_t *in, size_t n, size_t i, uint32_t *cp) {
    uint8_t b = in[i];
    if (b < 0x80) { *cp = b; return 1; }
    size_t len;
    uint32_t c, min;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; c = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; c = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; c = b & 0x07; min = 0x10000; }
    else return 0;
    if (n - i < len) return 0;
    for (size_t k = 1; k < len; k++) {
        uint8_t t = in[i + k];
        if ((t & 0xC0) != 0x80) return 0;
        c = c << 6 | (t & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

static const char HEX[] = "0123456789abcdef";

static void put_escape(uint8_t *out, size_t o, uint32_t u) {
    out[o] = '\\';
    out[o + 1] = 'u';
    out[o + 2] = (uint8_t)HEX[(u >> 12) & 15];
    out[o + 3] = (uint8_t)HEX[(u >> 8) & 15];
    out[o + 4] = (uint8_t)HEX[(u >> 4) & 15];
    out[o + 5] = (uint8_t)HEX[u & 15];
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return ZE_INVALID;
    uint64_t need = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_next(in, n, i, &cp);
        if (len == 0) return ZE_INVALID;
        need += cp < 0x80 ? 1 : cp < 0x10000 ? 6 : 12;
        i += len;
    }
    if (need > 0xFFFFFFFFu) return ZE_INTERNAL;
    if (need > *out_len) {
        /* tell the host how much room the output needs */
        *out_len = (uint32_t)need;
        return ZE_NO_SPACE;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_next(in, n, i, &cp);
        if (cp < 0x80) {
            out[o++] = (uint8_t)cp;
        } else if (cp < 0x10000) {
            put_escape(out, o, cp);
            o += 6;
        } else {
            uint32_t v = cp - 0x10000;
            put_escape(out, o, 0xD800 | (v >> 10));
            put_escape(out, o + 6, 0xDC00 | (v & 0x3FF));
            o += 12;
        }
        i += len;
    }
    *out_len = (uint32_t)o;
    return ZE_OK;
}
