/* CORRECT-UNUSUAL: utf16le: strict UTF-8 -> UTF-16LE with a BOM (output about twice the input).
   Invalid UTF-8 (overlong, surrogates, > U+10FFFF, truncated) is -1. The empty input gives the BOM.
   When the output does not fit, *output_len gets the upper bound 2 + 2n (an over-estimate the ABI
   allows), not the exact size. */
#include <stdint.h>
#include <stddef.h>
const char *plugin_info(void) { return "utf16le v3.0.1"; }
uint32_t plugin_version(void) { return 3 << 16 | 0 << 8 | 1; }
/* returns the number of output bytes, or -1; writes only when out != 0 */
static int64_t convert(const uint8_t *in, size_t n, uint8_t *out) {
    size_t o = 0, i = 0;
    if (out) { out[0] = 0xFF; out[1] = 0xFE; }
    o = 2;
    while (i < n) {
        uint32_t c = in[i], cp; size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if (c >= 0xC2 && c <= 0xDF) { cp = c & 0x1F; len = 2; }
        else if (c >= 0xE0 && c <= 0xEF) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xF0 && c <= 0xF4) { cp = c & 0x07; len = 4; }
        else return -1;
        if (len > n - i) return -1;
        for (size_t k = 1; k < len; k++) {
            uint8_t d = in[i + k];
            if ((d & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return -1;
        if (cp >= 0xD800 && cp <= 0xDFFF) return -1;
        if (cp < 0x10000) {
            if (out) { out[o] = (uint8_t)cp; out[o + 1] = (uint8_t)(cp >> 8); }
            o += 2;
        } else {
            uint32_t v = cp - 0x10000, hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
            if (out) { out[o] = (uint8_t)hi; out[o + 1] = (uint8_t)(hi >> 8); out[o + 2] = (uint8_t)lo; out[o + 3] = (uint8_t)(lo >> 8); }
            o += 4;
        }
        i += len;
    }
    return (int64_t)o;
}
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint64_t upper = 2 + (uint64_t)n * 2;
    uint32_t cap = *out_len;
    int64_t need = convert(in, n, 0);
    if (need < 0) return -1;
    if ((uint64_t)need > cap) { *out_len = (uint32_t)upper; return -3; }
    convert(in, n, out);
    *out_len = (uint32_t)need;
    return 0;
}
