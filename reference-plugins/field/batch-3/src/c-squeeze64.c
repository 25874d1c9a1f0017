/* squeeze: collapses every run of spaces and tabs into one space ("a  \t b" -> "a b").
   The length cell is read and written as 64 bits "so outputs over 4 GiB cannot overflow it". */
#include <stdint.h>
#include <stddef.h>
const char *plugin_info(void) { return "squeeze v1.0.0"; }
static size_t squeeze(const uint8_t *in, size_t n, uint8_t *out, int write) {
    size_t o = 0; int in_run = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == ' ' || c == '\t') {
            if (!in_run) { if (write) out[o] = ' '; o++; }
            in_run = 1;
        } else { if (write) out[o] = c; o++; in_run = 0; }
    }
    return o;
}
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint64_t *out_len) {
    uint64_t need = squeeze(in, n, out, 0);
    if (need > *out_len) { *out_len = need; return -3; }
    *out_len = squeeze(in, n, out, 1);
    return 0;
}
