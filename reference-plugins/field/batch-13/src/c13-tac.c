/* c13-tac: reverses the order of the lines of a text (like tac(1)).
 *
 * Lines end at LF; every output line ends with LF, so a last line without one gets one
 * (output = input length, or one more). Any bytes are accepted; the empty input gives
 * the empty output. -3 stores the exact size. Exports alloc/dealloc over malloc/free;
 * no imports.
 *
 * The table of line starts is kept between calls and only grown when a call has more
 * lines than it holds, so that a stream of similar documents does not malloc/free on
 * every call (the guide: "avoid allocations in hot paths, reuse buffers").
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t *starts;    /* starts[i] = offset of line i */
static size_t starts_size;  /* size of the table in bytes */

__attribute__((export_name("alloc"))) void *alloc(size_t size) { return malloc(size); }
__attribute__((export_name("dealloc"))) void dealloc(void *ptr, size_t size) { (void)size; free(ptr); }

int process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    size_t cap = *out_len;
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        if (in[i] == '\n') lines++;
    int open_last = n > 0 && in[n - 1] != '\n';
    if (open_last) lines++;
    size_t need = n + (size_t)open_last;
    if (need > cap) { *out_len = need; return -3; }
    if (lines == 0) { *out_len = 0; return 0; }

    if (lines > starts_size) {
        uint32_t *t = realloc(starts, lines * sizeof *starts);
        if (!t) return -2;
        starts = t;
        starts_size = lines * sizeof *starts;
    }
    size_t k = 0;
    starts[k++] = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (in[i] == '\n') starts[k++] = (uint32_t)(i + 1);

    size_t o = 0;
    for (size_t l = lines; l-- > 0;) {
        size_t s = starts[l];
        size_t e = l + 1 < lines ? starts[l + 1] : n; /* one past the line's LF (or the end) */
        memcpy(out + o, in + s, e - s);
        o += e - s;
        if (e == n && open_last) out[o++] = '\n';
    }
    *out_len = o;
    return 0;
}

void cleanup(void) { free(starts); starts = NULL; starts_size = 0; }

const char *plugin_info(void) { return "c13-tac v1.0.2"; }
uint32_t plugin_version(void) { return 1u << 16 | 0u << 8 | 2u; }
