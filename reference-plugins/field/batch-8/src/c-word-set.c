/* word-set: the distinct words of a text, sorted in byte order, one per line (like
   tr -s ' \t\r\n' '\n' | LC_ALL=C sort -u). Words are separated by ASCII whitespace; any
   bytes are accepted. Empty input or whitespace only gives empty output.
   The word index is a malloc'd array sorted with qsort and freed before returning;
   -2 when it cannot be allocated. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "word-set v0.4.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000401; }

struct word { const uint8_t *p; size_t len; };

static int is_space(uint8_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int cmp_word(const void *a, const void *b) {
    const struct word *x = a, *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = m ? memcmp(x->p, y->p, m) : 0;
    if (c) return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (!is_space(in[i]) && (i == 0 || is_space(in[i - 1]))) count++;
    if (count == 0) { *out_len = 0; return 0; }

    struct word *w = malloc(count * sizeof *w);
    if (w == NULL) return -2;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && is_space(in[i])) i++;
        if (i == n) break;
        size_t s = i;
        while (i < n && !is_space(in[i])) i++;
        w[k].p = in + s;
        w[k].len = i - s;
        k++;
    }
    qsort(w, count, sizeof *w, cmp_word);

    size_t need = 0;
    for (size_t j = 0; j < count; j++)
        if (j == 0 || cmp_word(&w[j - 1], &w[j]) != 0) need += w[j].len + 1;
    if (need > *out_len) {
        free(w);
        *out_len = (uint32_t)need;
        return -3;
    }
    size_t o = 0;
    for (size_t j = 0; j < count; j++) {
        if (j > 0 && cmp_word(&w[j - 1], &w[j]) == 0) continue;
        memcpy(out + o, w[j].p, w[j].len);
        o += w[j].len;
        out[o++] = '\n';
    }
    free(w);
    *out_len = (uint32_t)o;
    return 0;
}
