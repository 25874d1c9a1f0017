/* c13-sort-nums: sorts a list of 32-bit integers, one per line, in ascending order.
 *
 * Each line is an optional '-' and 1 to 10 decimal digits whose value fits int32
 * (-2147483648..2147483647); LF or CRLF line ends, empty lines skipped, anything else
 * -1. Output: the values in canonical form ("007" -> "7", "-0" -> "0"), one per line,
 * each ending in LF. -3 stores the exact size. Exports alloc/dealloc over malloc/free
 * (the value array is malloc'd per call and freed); no imports.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

__attribute__((export_name("alloc"))) void *alloc(size_t size) { return malloc(size); }
__attribute__((export_name("dealloc"))) void dealloc(void *ptr, size_t size) { (void)size; free(ptr); }

static size_t dec_len(int32_t v) {
    int64_t x = v; size_t k = 1;
    if (x < 0) { k++; x = -x; }
    while (x >= 10) { x /= 10; k++; }
    return k;
}

static size_t put_dec(uint8_t *p, int32_t v) {
    int64_t x = v; size_t k = 0; char tmp[12];
    int neg = x < 0;
    if (neg) x = -x;
    do { tmp[k++] = (char)('0' + x % 10); x /= 10; } while (x);
    size_t o = 0;
    if (neg) p[o++] = '-';
    while (k) p[o++] = (uint8_t)tmp[--k];
    return o;
}

static int cmp_i32(const void *a, const void *b) {
    return *(const int32_t *)a - *(const int32_t *)b;
}

int process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    size_t cap = *out_len;
    size_t lines = 1;
    for (size_t i = 0; i < n; i++) if (in[i] == '\n') lines++;
    int32_t *vals = malloc(lines * sizeof *vals);
    if (!vals) return -2;
    size_t count = 0, need = 0, i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && in[e] != '\n') e++;
        size_t le = e;
        if (le > i && in[le - 1] == '\r') le--;
        if (le > i) {
            size_t p = i; int neg = 0;
            if (in[p] == '-') { neg = 1; p++; }
            if (p == le || le - p > 10) { free(vals); return -1; }
            int64_t v = 0;
            for (; p < le; p++) {
                if (in[p] < '0' || in[p] > '9') { free(vals); return -1; }
                v = v * 10 + (in[p] - '0');
            }
            if (neg) v = -v;
            if (v < INT32_MIN || v > INT32_MAX) { free(vals); return -1; }
            vals[count++] = (int32_t)v;
            need += dec_len((int32_t)v) + 1;
        }
        i = e + 1;
    }
    if (need > cap) { free(vals); *out_len = need; return -3; }
    qsort(vals, count, sizeof *vals, cmp_i32);
    size_t o = 0;
    for (size_t k = 0; k < count; k++) { o += put_dec(out + o, vals[k]); out[o++] = '\n'; }
    free(vals);
    *out_len = o;
    return 0;
}

const char *plugin_info(void) { return "c13-sort-nums v1.0.0"; }
uint32_t plugin_version(void) { return 1u << 16; }
