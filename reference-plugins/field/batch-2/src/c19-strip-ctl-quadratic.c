/* strip-ctl: removes ASCII control characters and spaces. BUG: removes each one with memmove: quadratic. */
#include "zp.h"
#include <string.h>
INFO_FN("strip-ctl v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n > *out_len) { *out_len = n; return ZTOOSMALL; }
    memcpy(out, in, n);
    size_t len = n;
    for (size_t i = 0; i < len;) {
        if (out[i] <= 0x20) { memmove(out + i, out + i + 1, len - i - 1); len--; }
        else i++;
    }
    *out_len = len; return ZOK;
}
