/* utf8-utf16le: converts UTF-8 text to UTF-16LE (no BOM added, none removed): "hé" ->
   68 00 e9 00, "😀" -> 3d d8 00 de. Characters above U+FFFF become surrogate pairs.
   Input that is not UTF-8 (a stray continuation byte, a bad lead byte, a sequence cut short
   by the end of the input) is -1. Empty input gives the empty output.
   No heap: a decoding pass validates and sizes (2 or 4 bytes a character), a second writes. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "utf8-utf16le v1.0.3";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010003; }

/* Decodes the character at in[i]; returns its length in bytes, or 0 when it is invalid. */
static size_t decode(const uint8_t *in, size_t n, size_t i, uint32_t *cp) {
    uint8_t c = in[i];
    size_t len;
    uint32_t v;
    if (c < 0x80) { *cp = c; return 1; }
    else if ((c & 0xE0) == 0xC0) { len = 2; v = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; v = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; v = c & 0x07; }
    else return 0;
    if (n - i < len) return 0;
    for (size_t k = 1; k < len; k++) {
        uint8_t cc = in[i + k];
        if ((cc & 0xC0) != 0x80) return 0;
        v = (v << 6) | (cc & 0x3F);
    }
    *cp = v;
    return len;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    size_t need = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = decode(in, n, i, &cp);
        if (l == 0) return -1;
        need += cp >= 0x10000 ? 4 : 2;
        i += l;
    }
    if (need > *out_len) { *out_len = (uint32_t)need; return -3; }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = decode(in, n, i, &cp);
        i += l;
        if (cp >= 0x10000) {
            uint32_t u = cp - 0x10000;
            uint16_t hi = (uint16_t)(0xD800 + (u >> 10));
            uint16_t lo = (uint16_t)(0xDC00 + (u & 0x3FF));
            out[o++] = (uint8_t)hi; out[o++] = (uint8_t)(hi >> 8);
            out[o++] = (uint8_t)lo; out[o++] = (uint8_t)(lo >> 8);
        } else {
            out[o++] = (uint8_t)cp; out[o++] = (uint8_t)(cp >> 8);
        }
    }
    *out_len = (uint32_t)o;
    return 0;
}
