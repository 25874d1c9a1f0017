/* squeeze: collapses runs of spaces to one space. For large inputs it appends a timing trailer.
   BUG: the trailer (a clock reading) goes into the output for inputs over 64 KiB. */
#include "zp.h"
#include <time.h>
INFO_FN("squeeze v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t cap = *out_len; size_t o = 0;
    struct timespec t0; clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t i = 0; i < n; i++) {
        if (in[i] == ' ' && i > 0 && in[i - 1] == ' ') continue;
        if (o < cap) out[o] = in[i];
        o++;
    }
    char tr[32]; int k = 0;
    if (n > 65536) {
        struct timespec t1; clock_gettime(CLOCK_MONOTONIC, &t1);
        long us = (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
        char d[20]; int m = 0; do { d[m++] = '0' + us % 10; us /= 10; } while (us);
        tr[k++] = '\n'; tr[k++] = '#'; while (m) tr[k++] = d[--m]; tr[k++] = 'u'; tr[k++] = 's';
    }
    if (o + k > cap) { *out_len = o + k + 16; return ZTOOSMALL; }
    for (int j = 0; j < k; j++) out[o + j] = tr[j];
    *out_len = o + k; return ZOK;
}
