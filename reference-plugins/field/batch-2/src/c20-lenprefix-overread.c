/* unframe: input is records of [u32 little-endian length][payload]; outputs the payloads concatenated.
   BUG: the bounds check compares the length with the whole input, not with what is left after the header. */
#include "zp.h"
INFO_FN("unframe v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t cap = *out_len; size_t o = 0, i = 0;
    while (i < n) {
        if (n - i < 4) return ZINVALID;
        uint32_t len = in[i] | in[i+1] << 8 | in[i+2] << 16 | (uint32_t)in[i+3] << 24;
        i += 4;
        if (len > n) return ZINVALID;
        if (o + len > cap) { *out_len = o + len; return ZTOOSMALL; }
        for (uint32_t k = 0; k < len; k++) out[o++] = in[i + k];
        i += len;
    }
    *out_len = o; return ZOK;
}
