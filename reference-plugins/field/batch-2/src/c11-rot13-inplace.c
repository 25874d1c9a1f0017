/* rot13 on ASCII letters. BUG: transforms the input buffer in place, then copies it. */
#include "zp.h"
INFO_FN("rot13 v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n > *out_len) { *out_len = n; return ZTOOSMALL; }
    uint8_t *p = (uint8_t *)in;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c >= 'a' && c <= 'z') p[i] = 'a' + (c - 'a' + 13) % 26;
        else if (c >= 'A' && c <= 'Z') p[i] = 'A' + (c - 'A' + 13) % 26;
    }
    for (size_t i = 0; i < n; i++) out[i] = p[i];
    *out_len = n;
    return ZOK;
}
