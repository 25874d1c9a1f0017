/* hex: lowercase hex encode. BUG: bumped plugin_info to v1.1.0 but forgot plugin_version (still 1.0.0). */
#include "zp.h"
INFO_FN("hex v1.1.0")
uint32_t plugin_version(void) { return 1u << 16 | 0u << 8 | 0u; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    static const char H[] = "0123456789abcdef";
    if (2 * n > *out_len) { *out_len = 2 * n; return ZTOOSMALL; }
    for (size_t i = 0; i < n; i++) { out[2*i] = H[in[i] >> 4]; out[2*i+1] = H[in[i] & 15]; }
    *out_len = 2 * n; return ZOK;
}
