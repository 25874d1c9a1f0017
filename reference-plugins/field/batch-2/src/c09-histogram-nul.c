/* histogram: "byte:count\n" lines for each byte present, hex byte, decimal count. BUG: writes a C NUL terminator after the text, past capacity when it fits exactly. */
#include "zp.h"
INFO_FN("histogram v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    static const char H[] = "0123456789abcdef";
    uint32_t counts[256] = {0};
    for (size_t i = 0; i < n; i++) counts[in[i]]++;
    char line[16]; size_t need = 0;
    for (int b = 0; b < 256; b++) if (counts[b]) { uint32_t c = counts[b]; int d = 1; while (c >= 10) { c /= 10; d++; } need += 3 + d + 1; }
    if (need > *out_len) { *out_len = need; return ZTOOSMALL; }
    size_t o = 0;
    for (int b = 0; b < 256; b++) if (counts[b]) {
        out[o++] = H[b >> 4]; out[o++] = H[b & 15]; out[o++] = ':';
        uint32_t c = counts[b]; int k = 0; do { line[k++] = '0' + c % 10; c /= 10; } while (c);
        while (k) out[o++] = line[--k];
        out[o++] = '\n';
    }
    out[o] = 0;
    *out_len = o;
    return ZOK;
}
