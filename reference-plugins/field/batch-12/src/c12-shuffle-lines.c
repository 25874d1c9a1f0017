/* shuffle-lines: shuffles the lines of a text into a reproducible pseudo-random order, for
   making train/validation splits that can be regenerated:
     "a\nb\nc\nd\n" -> the same four lines in a fixed shuffled order, "" -> "".
   Lines end at LF; a last line without LF gets one, so the output is n bytes, or n + 1 when
   the input does not end with LF; -3 names exactly that. Any bytes are accepted.
   The order is a Fisher-Yates shuffle driven by the C library's rand(), seeded with a fixed
   seed in init() so every run of the pipeline gives the same split (no clock, no random_get).
   The line index is malloc'd per call and freed; alloc/dealloc are malloc/free. No imports
   besides what wasi-libc needs (none). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SHUFFLE_SEED 20240601u

static const char PLUGIN_INFO[] = "shuffle-lines v1.3.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010300; }

#define MAX_BLOCK 0x0C000000u /* 192 MiB: more than a host lets a plugin grow to */
void *alloc(size_t size) { return size > MAX_BLOCK ? NULL : malloc(size ? size : 1); }
void dealloc(void *p, size_t size) { (void)size; free(p); }

int32_t init(void) {
    srand(SHUFFLE_SEED);
    return 0;
}
void cleanup(void) {}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

struct line { uint32_t start, len; };

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    size_t need = n;
    if (n > 0 && in[n - 1] != '\n') need++;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    if (n == 0) {
        put_u32(cell, 0);
        return 0;
    }
    size_t count = 0;
    for (size_t i = 0; i < n; i++) if (in[i] == '\n') count++;
    if (in[n - 1] != '\n') count++;
    struct line *lines = malloc(count * sizeof *lines);
    if (!lines) return -2;
    size_t k = 0, s = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] == '\n') {
            lines[k].start = (uint32_t)s; lines[k].len = (uint32_t)(i - s); k++;
            s = i + 1;
        }
    }
    if (s < n) { lines[k].start = (uint32_t)s; lines[k].len = (uint32_t)(n - s); k++; }

    for (size_t i = count; i > 1; i--) {
        size_t j = (size_t)rand() % i;
        struct line t = lines[i - 1]; lines[i - 1] = lines[j]; lines[j] = t;
    }
    size_t o = 0;
    for (size_t i = 0; i < count; i++) {
        memcpy(out + o, in + lines[i].start, lines[i].len);
        o += lines[i].len;
        out[o++] = '\n';
    }
    free(lines);
    put_u32(cell, (uint32_t)o);
    return 0;
}
