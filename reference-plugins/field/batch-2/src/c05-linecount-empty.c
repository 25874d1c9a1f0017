/* linecount: writes the number of lines as decimal ASCII. A last line without '\n' counts. BUG: looks at in[n-1] even when n == 0. */
#include "zp.h"
INFO_FN("linecount v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t lines = 0;
    for (size_t i = 0; i < n; i++) if (in[i] == '\n') lines++;
    if (in[n - 1] != '\n') lines++;
    char buf[12]; int k = 0;
    do { buf[k++] = '0' + lines % 10; lines /= 10; } while (lines);
    if ((uint32_t)k > *out_len) { *out_len = k; return ZTOOSMALL; }
    for (int j = 0; j < k; j++) out[j] = buf[k - 1 - j];
    *out_len = k;
    return ZOK;
}
