/* sort-lines: sorts the lines of the input bytewise (LC_ALL=C sort). Lines end at LF; a last
   line without one is written with one, so "b\na" -> "a\nb\n". The empty input has no lines.
   Any bytes are accepted. The line index (offset, length per line) is a heap array kept
   between calls and grown with realloc, so steady calls allocate nothing; because malloc is
   used, alloc/dealloc are exported over malloc/free for the host's buffers. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "sort-lines v1.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010100; }

void *alloc(size_t size) { return malloc(size ? size : 1); }
void dealloc(void *p, size_t size) { (void)size; free(p); }

struct line { uint32_t off, len; };
static struct line *lines;     /* kept between calls */
static size_t lines_cap;
static const uint8_t *base;    /* input of the current call, for the comparator */

static int cmp(const void *a, const void *b) {
    const struct line *x = a, *y = b;
    uint32_t m = x->len < y->len ? x->len : y->len;
    int r = memcmp(base + x->off, base + y->off, m);
    if (r) return r;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off; /* stable: equal lines keep their order */
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) if (in[i] == '\n') count++;
    if (n && in[n - 1] != '\n') count++;
    if (count > lines_cap) {
        size_t cap = lines_cap ? lines_cap : 64;
        while (cap < count) cap *= 2;
        struct line *grown = realloc(lines, cap * sizeof *grown);
        if (!grown) return -2;
        lines = grown;
        lines_cap = cap;
    }
    size_t k = 0, start = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] == '\n') { lines[k].off = (uint32_t)start; lines[k].len = (uint32_t)(i - start); k++; start = i + 1; }
    }
    if (start < n) { lines[k].off = (uint32_t)start; lines[k].len = (uint32_t)(n - start); k++; }
    size_t need = n + (n && in[n - 1] != '\n');
    if (need > *out_len) {
        /* the host will reallocate and retry: do not keep a big index pinned meanwhile */
        free(lines);
        *out_len = (uint32_t)need;
        return -3;
    }
    base = in;
    qsort(lines, k, sizeof *lines, cmp);
    size_t o = 0;
    for (size_t j = 0; j < k; j++) {
        memcpy(out + o, in + lines[j].off, lines[j].len);
        o += lines[j].len;
        out[o++] = '\n';
    }
    *out_len = (uint32_t)o;
    return 0;
}
