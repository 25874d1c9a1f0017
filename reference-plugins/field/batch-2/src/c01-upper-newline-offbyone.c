/* upper: ASCII uppercase, output ends with a newline. BUG: capacity check uses n, not n+1. */
#include "zp.h"
INFO_FN("upper-nl v1.0.0")
uint32_t plugin_version(void) { return 0x010000; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t cap = *out_len;
    if (n > cap) { *out_len = n + 1; return ZTOOSMALL; }
    for (size_t i = 0; i < n; i++) { uint8_t c = in[i]; out[i] = (c >= 'a' && c <= 'z') ? c - 32 : c; }
    out[n] = '\n';
    *out_len = n + 1;
    return ZOK;
}
