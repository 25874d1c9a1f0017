/* CORRECT: tabs2spaces: expands '\t' to 4 spaces; reads the clock only to log the elapsed time (allowed by ZC-CALL-012). */
#include "zp.h"
#include <time.h>
__attribute__((import_module("env"), import_name("host_log"))) void host_log(const char *p, size_t n);
INFO_FN("tabs2spaces v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    uint64_t need = 0;
    for (size_t i = 0; i < n; i++) need += in[i] == '\t' ? 4 : 1;
    if (need > *out_len) { *out_len = (uint32_t)need; return ZTOOSMALL; }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) { if (in[i] == '\t') { out[o++] = ' '; out[o++] = ' '; out[o++] = ' '; out[o++] = ' '; } else out[o++] = in[i]; }
    clock_gettime(CLOCK_REALTIME, &t1);
    char msg[40] = "tabs2spaces done at t="; int k = 22; long long s = t1.tv_sec; char d[24]; int m = 0;
    do { d[m++] = '0' + s % 10; s /= 10; } while (s && m < 20);
    while (m) msg[k++] = d[--m];
    host_log(msg, k);
    *out_len = o; return ZOK;
}
