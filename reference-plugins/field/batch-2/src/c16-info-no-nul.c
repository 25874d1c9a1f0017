/* wordcount: number of whitespace-separated words, decimal. BUG: INFO is declared with an exact size, so it has no NUL; a static counter follows it. */
#include "zp.h"
static const char INFO[16] = "wordcount v1.0.0";
const char *plugin_info(void) { return INFO; }
uint32_t calls_total;   /* statistics, written every call */
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    calls_total++;
    uint32_t w = 0; int inw = 0;
    for (size_t i = 0; i < n; i++) { int s = in[i] == ' ' || in[i] == '\n' || in[i] == '\t' || in[i] == '\r'; if (!s && !inw) w++; inw = !s; }
    char b[12]; int k = 0; do { b[k++] = '0' + w % 10; w /= 10; } while (w);
    if ((uint32_t)k > *out_len) { *out_len = k; return ZTOOSMALL; }
    for (int j = 0; j < k; j++) out[j] = b[k - 1 - j];
    *out_len = k; return ZOK;
}
