/* dedupe adjacent/global duplicate lines by hash. BUG: the static seen table is never cleared between calls. */
#include "zp.h"
INFO_FN("dedupe v1.0.0")
#define SLOTS 4096
static uint32_t seen[SLOTS]; /* 0 = empty; stored hash|1 */
static int insert(uint32_t h) {
    h |= 1; uint32_t s = h % SLOTS;
    for (int k = 0; k < SLOTS; k++, s = (s + 1) % SLOTS) {
        if (seen[s] == h) return 0;
        if (seen[s] == 0) { seen[s] = h; return 1; }
    }
    return 1;
}
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t cap = *out_len; size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i; uint32_t h = 2166136261u;
        while (j < n && in[j] != '\n') { h = (h ^ in[j]) * 16777619u; j++; }
        size_t end = j < n ? j + 1 : j;
        if (insert(h)) {
            if (o + (end - i) > cap) { /* count the rest */ *out_len = n; return ZTOOSMALL; }
            for (size_t k = i; k < end; k++) out[o++] = in[k];
        }
        i = end;
    }
    *out_len = o;
    return ZOK;
}
