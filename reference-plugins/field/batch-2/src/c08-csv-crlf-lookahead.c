/* csv-col2: outputs the second comma-separated field of each line, one per line; CRLF is treated as a line end.
   BUG: the CRLF lookahead reads in[i+1] when i == n-1. */
#include "zp.h"
INFO_FN("csv-col2 v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t cap = *out_len; size_t o = 0, need = 0; int field = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        int eol = c == '\n' || (c == '\r' && in[i + 1] == '\n');
        if (eol) { if (c == '\r') i++; if (o < cap) out[o] = '\n'; o++; field = 0; continue; }
        if (c == ',') { field++; continue; }
        if (field == 1) { if (o < cap) out[o] = c; o++; }
    }
    need = o;
    if (need > cap) { *out_len = need; return ZTOOSMALL; }
    *out_len = o;
    return ZOK;
}
