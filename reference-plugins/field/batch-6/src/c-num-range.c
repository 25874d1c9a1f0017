/* num-range: summarises a column of integers, one per line (an optional sign and 1 to 18
   digits; CRLF and blank lines are fine): writes "count min max\n", e.g. "5\n-3\n12\n" ->
   "3 -3 12\n". No numbers gives "0\n". Anything else on a line is -1. Made for log columns
   such as epoch-millisecond timestamps and byte counts. Each line is copied into a
   NUL-terminated buffer and parsed with strtol; 18 digits always fit a long. No heap. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "num-range v0.4.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000401; }

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    long count = 0, lo = 0, hi = 0;
    size_t i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;                       /* skip the LF */
        if (e > s && in[e - 1] == '\r') e--;
        if (e == s) continue;                 /* blank line */
        size_t p = s;
        if (in[p] == '-' || in[p] == '+') p++;
        size_t digits = e - p;
        if (digits == 0 || digits > 18) return -1;
        for (size_t k = p; k < e; k++) if (in[k] < '0' || in[k] > '9') return -1;
        char num[24];
        memcpy(num, in + s, e - s);
        num[e - s] = '\0';
        long v = strtol(num, NULL, 10);
        if (count == 0 || v < lo) lo = v;
        if (count == 0 || v > hi) hi = v;
        count++;
    }
    char line[80];
    int len = count ? snprintf(line, sizeof line, "%ld %ld %ld\n", count, lo, hi)
                    : snprintf(line, sizeof line, "0\n");
    if ((size_t)len > *out_len) { *out_len = (uint32_t)len; return -3; }
    memcpy(out, line, (size_t)len);
    *out_len = (uint32_t)len;
    return 0;
}
