/* repeat: input "N*text" (N decimal, 1-9 digits) -> text repeated N times. "3*ab" -> "ababab".
   Anything else is -1; the empty input gives the empty output. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
const char *plugin_info(void) { return "repeat v0.2.0"; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n == 0) { *out_len = 0; return 0; }
    size_t i = 0; uint32_t count = 0;
    while (i < n && in[i] >= '0' && in[i] <= '9') {
        if (i == 9) return -1;            /* at most 9 digits: fits a u32 */
        count = count * 10 + (in[i] - '0');
        i++;
    }
    if (i == 0 || i >= n || in[i] != '*') return -1;
    const uint8_t *text = in + i + 1;
    uint32_t tlen = (uint32_t)(n - i - 1);
    uint32_t need = count * tlen;
    if (need > *out_len) { *out_len = need; return -3; }
    if (tlen == 0 || count == 0) { *out_len = 0; return 0; }
    uint8_t *o = out;
    for (uint32_t k = 0; k < count; k++) { memcpy(o, text, tlen); o += tlen; }
    *out_len = need;
    return 0;
}
