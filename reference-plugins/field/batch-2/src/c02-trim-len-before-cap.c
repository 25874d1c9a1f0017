/* trim: strip leading/trailing ASCII whitespace. BUG: stores the result length into the cell, then compares against the cell. */
#include "zp.h"
INFO_FN("trim v1.0.0")
static int ws(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    size_t s = 0, e = n;
    while (s < e && ws(in[s])) s++;
    while (e > s && ws(in[e - 1])) e--;
    *out_len = e - s;
    if (e - s > *out_len) return ZTOOSMALL;
    for (size_t i = s; i < e; i++) out[i - s] = in[i];
    return ZOK;
}
