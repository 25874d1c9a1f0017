/* avgword: average word length (integer, decimal). Empty input gives "0".
   BUG: an input of only whitespace has zero words: divides by zero. */
#include "zp.h"
INFO_FN("avgword v1.0.0")
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t avg;
    if (n == 0) avg = 0;
    else {
        uint32_t words = 0, letters = 0; int inw = 0;
        for (size_t i = 0; i < n; i++) { int s = in[i] == ' ' || in[i] == '\n' || in[i] == '\t' || in[i] == '\r'; if (!s) { letters++; if (!inw) words++; } inw = !s; }
        avg = letters / words;
    }
    char b[12]; int k = 0; do { b[k++] = '0' + avg % 10; avg /= 10; } while (avg);
    if ((uint32_t)k > *out_len) { *out_len = k; return ZTOOSMALL; }
    for (int j = 0; j < k; j++) out[j] = b[k - 1 - j];
    *out_len = k; return ZOK;
}
