/* CORRECT: hexdump: two hex digits per byte then a space, or a newline after every 16th byte and the last: output 3x input. */
#include "zp.h"
INFO_FN("hexdump v0.3.1")
uint32_t plugin_version(void) { return 0 << 16 | 3 << 8 | 1; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    static const char H[] = "0123456789abcdef";
    uint64_t need = (uint64_t)n * 3;
    if (need > *out_len) { *out_len = (uint32_t)need; return ZTOOSMALL; }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        out[o++] = H[in[i] >> 4]; out[o++] = H[in[i] & 15];
        if (i % 16 == 15 || i == n - 1) out[o++] = '\n'; else out[o++] = ' ';
    }
    *out_len = o; return ZOK;
}
