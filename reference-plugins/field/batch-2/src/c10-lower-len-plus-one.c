/* lower: ASCII lowercase. BUG: reports the length including a terminator it never writes. */
#include "zp.h"
INFO_FN("lower v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n + 1 > *out_len) { *out_len = n + 1; return ZTOOSMALL; }
    for (size_t i = 0; i < n; i++) { uint8_t c = in[i]; out[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c; }
    *out_len = n + 1;
    return ZOK;
}
