/* stats: summary statistics of decimal numbers, one per line (anything strtod reads in the
   C locale: "3", "-0.5", "1e3"; blank lines are skipped, CRLF is fine):
   "n=3 mean=2 min=1 max=3\n" with %.6g numbers; no numbers gives "n=0\n". A line that is not
   one number (or longer than 63 bytes), inf or nan is -1. Each line is copied into a
   NUL-terminated local buffer for strtod, so it never reads past the host's bytes. No heap. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "stats v2.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020100; }

static int blank(uint8_t c) { return c == ' ' || c == '\t' || c == '\r'; }

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    size_t count = 0;
    double sum = 0, lo = 0, hi = 0;
    size_t i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;
        while (s < e && blank(in[s])) s++;
        while (e > s && blank(in[e - 1])) e--;
        if (s == e) continue;
        char num[64];
        if (e - s >= sizeof num) return -1;
        memcpy(num, in + s, e - s);
        num[e - s] = '\0';
        if (strlen(num) != e - s) return -1;          /* a NUL inside the line */
        char *q;
        double v = strtod(num, &q);
        if (q != num + (e - s) || !isfinite(v)) return -1;
        if (count == 0 || v < lo) lo = v;
        if (count == 0 || v > hi) hi = v;
        sum += v;
        count++;
    }
    char line[48];
    int len = count ? snprintf(line, sizeof line, "n=%zu mean=%.6g min=%.6g max=%.6g\n", count,
                               sum / (double)count, lo, hi)
                    : snprintf(line, sizeof line, "n=0\n");
    if (len < 0) return -99;
    if ((size_t)len > *out_len) { *out_len = (uint32_t)len; return -3; }
    memcpy(out, line, (size_t)len);
    *out_len = (uint32_t)len;
    return 0;
}
