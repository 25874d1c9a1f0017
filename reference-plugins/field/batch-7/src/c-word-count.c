/* word-count: counts the words of a text (runs of bytes other than ASCII space, tab, CR,
   LF, VT, FF) and writes one "<count> <word>\n" line per distinct word, the most frequent
   first, words of equal count in byte order: "b a b\n" -> "2 b\n1 a\n". Any bytes are
   accepted; no words gives the empty output.
   No heap: the words are kept as (offset, length) pairs into the input in a static
   open-addressing hash table (FNV-1a, linear probing) that is cleared on every call, and
   sorted in place with qsort. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "word-count v1.2.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010200; }

#define SLOTS 8192u   /* a power of two */

struct slot { uint32_t off, len, count; };
static struct slot table[SLOTS];
static const uint8_t *text;

static int is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static uint32_t fnv1a(const uint8_t *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) { h ^= s[i]; h *= 16777619u; }
    return h;
}

static void add_word(uint32_t off, uint32_t len) {
    uint32_t i = fnv1a(text + off, len) & (SLOTS - 1);
    while (table[i].count != 0) {
        if (table[i].len == len && memcmp(text + table[i].off, text + off, len) == 0) {
            table[i].count++;
            return;
        }
        i = (i + 1) & (SLOTS - 1);
    }
    table[i].off = off; table[i].len = len; table[i].count = 1;
}

static int by_count_then_bytes(const void *pa, const void *pb) {
    const struct slot *a = pa, *b = pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    uint32_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(text + a->off, text + b->off, m);
    if (c) return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

static size_t dec_len(uint32_t v) { size_t l = 1; while (v >= 10) { v /= 10; l++; } return l; }

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    memset(table, 0, sizeof table);
    text = in;
    for (size_t i = 0; i < n;) {
        while (i < n && is_space(in[i])) i++;
        size_t s = i;
        while (i < n && !is_space(in[i])) i++;
        if (i > s) add_word((uint32_t)s, (uint32_t)(i - s));
    }
    /* pack the used slots to the front, then sort them */
    size_t used = 0;
    for (size_t k = 0; k < SLOTS; k++)
        if (table[k].count) table[used++] = table[k];
    qsort(table, used, sizeof table[0], by_count_then_bytes);
    size_t need = 0;
    for (size_t k = 0; k < used; k++) need += dec_len(table[k].count) + 1 + table[k].len + 1;
    if (need > *out_len) { *out_len = (uint32_t)need; return -3; }
    size_t o = 0;
    for (size_t k = 0; k < used; k++) {
        uint32_t c = table[k].count;
        size_t l = dec_len(c);
        for (size_t d = l; d > 0; d--) { out[o + d - 1] = (uint8_t)('0' + c % 10); c /= 10; }
        o += l;
        out[o++] = ' ';
        memcpy(out + o, in + table[k].off, table[k].len);
        o += table[k].len;
        out[o++] = '\n';
    }
    *out_len = (uint32_t)o;
    return 0;
}
