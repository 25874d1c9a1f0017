// word-table: lists the distinct words of the input (split on ASCII whitespace) in order of
// first appearance, each with its count: "word\tcount\n". Any bytes are accepted (words are
// byte strings). No heap: an open-addressing table of 1M slots (12 MiB) and the first-seen
// order (2 MiB) are static arrays, so the module starts with about 225 pages. Only the slots a
// call used are cleared afterwards.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "word-table v1.3.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010300; }

#define SLOTS (1u << 20)
#define MAX_WORDS (1u << 19)
struct slot { uint32_t start, len, count; };   // len 0 = empty
static struct slot table[SLOTS];
static uint32_t order[MAX_WORDS];

static int ws(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static uint32_t fnv(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 16777619u; }
    return h;
}

static size_t dec_len(uint32_t v) { size_t l = 1; while (v >= 10) { v /= 10; l++; } return l; }

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    uint32_t words = 0;
    int32_t rc = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && ws(in[i])) i++;
        if (i >= n) break;
        size_t s = i;
        while (i < n && !ws(in[i])) i++;
        size_t len = i - s;
        uint32_t h = fnv(in + s, len) & (SLOTS - 1);
        for (;;) {
            struct slot *e = &table[h];
            if (e->len == 0) {
                if (words == MAX_WORDS) { rc = -2; goto done; }
                e->start = (uint32_t)s; e->len = (uint32_t)len; e->count = 1;
                order[words++] = h;
                break;
            }
            if (e->len == len && memcmp(in + e->start, in + s, len) == 0) { e->count++; break; }
            h = (h + 1) & (SLOTS - 1);
        }
    }
    size_t need = 0;
    for (uint32_t k = 0; k < words; k++) need += table[order[k]].len + 1 + dec_len(table[order[k]].count) + 1;
    if (need > *out_len) { *out_len = need; rc = -3; goto done; }
    size_t o = 0;
    for (uint32_t k = 0; k < words; k++) {
        struct slot *e = &table[order[k]];
        memcpy(out + o, in + e->start, e->len); o += e->len;
        out[o++] = '\t';
        size_t l = dec_len(e->count);
        uint32_t v = e->count;
        for (size_t d = l; d-- > 0;) { out[o + d] = '0' + v % 10; v /= 10; }
        o += l;
        out[o++] = '\n';
    }
    *out_len = o;
done:
    for (uint32_t k = 0; k < words; k++) table[order[k]].len = 0;
    return rc;
}
