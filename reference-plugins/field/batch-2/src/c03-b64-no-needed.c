/* base64 encode. BUG: returns -3 without storing the needed size. */
#include "zp.h"
INFO_FN("b64 v1.0.0")
static const char T[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    size_t need = (n + 2) / 3 * 4;
    if (need > *out_len) return ZTOOSMALL;
    size_t o = 0, i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = in[i] << 16 | in[i+1] << 8 | in[i+2];
        out[o++] = T[v >> 18 & 63]; out[o++] = T[v >> 12 & 63]; out[o++] = T[v >> 6 & 63]; out[o++] = T[v & 63];
    }
    if (n - i == 1) { uint32_t v = in[i] << 16; out[o++] = T[v>>18&63]; out[o++] = T[v>>12&63]; out[o++]='='; out[o++]='='; }
    else if (n - i == 2) { uint32_t v = in[i] << 16 | in[i+1] << 8; out[o++] = T[v>>18&63]; out[o++] = T[v>>12&63]; out[o++]=T[v>>6&63]; out[o++]='='; }
    *out_len = o;
    return ZOK;
}
