// sum-lines: each non-empty line is a signed decimal integer ("+12", "-7", "300"); the output is
// their sum as decimal text and a newline. Sums wrap as two's-complement int64 (documented: the
// loader that feeds it never sends more than a few thousand amounts). A line that is not an
// integer is -1; empty input sums to "0\n".
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "sum-lines v1.4.0";

// number of characters of v in decimal, sign included
static size_t dec_len(int64_t v) {
    size_t len = 1;
    if (v < 0) { len++; v = (int64_t)(0 - (uint64_t)v); }   // negate without signed-overflow UB
    while (v >= 10) { len++; v /= 10; }
    return len;
}

static size_t dec_write(uint8_t *dst, int64_t v) {
    char tmp[24]; size_t k = 0, o = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do { tmp[k++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) dst[o++] = '-';
    while (k) dst[o++] = (uint8_t)tmp[--k];
    return o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *output_len) {
    int64_t sum = 0;
    size_t i = 0;
    while (i < n) {
        size_t e = i; while (e < n && in[e] != '\n') e++;
        size_t end = e;
        if (end > i && in[end - 1] == '\r') end--;
        if (end > i) {
            size_t j = i; int neg = 0;
            if (in[j] == '+' || in[j] == '-') { neg = in[j] == '-'; j++; }
            if (j == end) return -1;
            uint64_t v = 0;
            for (; j < end; j++) {
                if (in[j] < '0' || in[j] > '9') return -1;
                v = v * 10 + (uint64_t)(in[j] - '0');
            }
            sum = (int64_t)((uint64_t)sum + (neg ? (uint64_t)0 - v : v));
        }
        i = e + 1;
    }
    size_t needed = dec_len(sum) + 1;
    if (needed > *output_len) { *output_len = needed; return -3; }
    size_t o = dec_write(out, sum);
    out[o++] = '\n';
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010400; }
