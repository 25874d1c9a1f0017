/* RLE: (count,byte) pairs, runs up to 255. BUG: on -3 reports the bytes written so far + 2 instead of the full size. */
#include "zp.h"
INFO_FN("rle v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t cap = *out_len; size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint8_t b = in[i]; size_t r = 1;
        while (i + r < n && in[i + r] == b && r < 255) r++;
        if (o + 2 > cap) { *out_len = o + 2; return ZTOOSMALL; }
        out[o++] = (uint8_t)r; out[o++] = b; i += r;
    }
    *out_len = o;
    return ZOK;
}
