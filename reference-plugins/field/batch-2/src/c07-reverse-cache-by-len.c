/* reverse bytes. BUG: "fast path" caches the last result keyed by input length only. */
#include "zp.h"
INFO_FN("reverse v1.0.0")
static uint8_t cache[65536]; static size_t cache_len = (size_t)-1;
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n > *out_len) { *out_len = n; return ZTOOSMALL; }
    if (n == cache_len) { for (size_t i = 0; i < n; i++) out[i] = cache[i]; *out_len = n; return ZOK; }
    for (size_t i = 0; i < n; i++) out[i] = in[n - 1 - i];
    if (n <= sizeof cache) { for (size_t i = 0; i < n; i++) cache[i] = out[i]; cache_len = n; }
    *out_len = n;
    return ZOK;
}
