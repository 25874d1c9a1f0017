// kv-sort: sorts "key=value" lines by key (bytewise, stable: equal keys keep their input order)
// and writes them back, each ending in '\n'. Empty lines are dropped; any other line without '='
// is -1. No heap at all: line tables live in 10 MiB of static arrays (the most lines 1 MiB of
// input can hold), so the module starts with 162 pages of memory. More lines than that: -2.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "kv-sort v3.1.4";

#define MAX_LINES (1u << 19)
static uint32_t line_start[MAX_LINES], line_len[MAX_LINES], key_len[MAX_LINES];
static uint32_t order[MAX_LINES], tmp[MAX_LINES];
static const uint8_t *base;

static int key_less(uint32_t a, uint32_t b) {      // strictly less
    uint32_t la = key_len[a], lb = key_len[b];
    int c = memcmp(base + line_start[a], base + line_start[b], la < lb ? la : lb);
    return c < 0 || (c == 0 && la < lb);
}

static void merge_sort(uint32_t n) {
    for (uint32_t w = 1; w < n; w *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * w) {
            uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = key_less(order[j], order[i]) ? order[j++] : order[i++];
            while (i < mid) tmp[k++] = order[i++];
            while (j < hi) tmp[k++] = order[j++];
        }
        memcpy(order, tmp, n * sizeof order[0]);
    }
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *output_len) {
    uint32_t lines = 0; size_t needed = 0;
    base = in;
    for (size_t i = 0; i < n; ) {
        size_t e = i; while (e < n && in[e] != '\n') e++;
        if (e > i) {
            const uint8_t *eq = memchr(in + i, '=', e - i);
            if (!eq) return -1;
            if (lines == MAX_LINES) return -2;
            line_start[lines] = (uint32_t)i; line_len[lines] = (uint32_t)(e - i);
            key_len[lines] = (uint32_t)(eq - (in + i)); order[lines] = lines;
            lines++; needed += e - i + 1;
        }
        i = e + 1;
    }
    if (needed > *output_len) { *output_len = needed; return -3; }
    merge_sort(lines);
    size_t o = 0;
    for (uint32_t k = 0; k < lines; k++) {
        uint32_t l = order[k];
        memcpy(out + o, in + line_start[l], line_len[l]); o += line_len[l];
        out[o++] = '\n';
    }
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x030104; }
