/* byte-freq: one line "hh count\n" per byte value present, in byte order ("aab" -> "61 2\n62 1\n").
   The counts live in a heap table; alloc/dealloc are exported because malloc is used. */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
const char *plugin_info(void) { return "byte-freq v1.0.0"; }
void *alloc(size_t size) { return malloc(size ? size : 1); }
void dealloc(void *p, size_t size) { (void)size; free(p); }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint32_t *counts = malloc(256 * sizeof(uint32_t));
    if (!counts) return -2;
    for (size_t i = 0; i < n; i++) counts[in[i]]++;
    char line[32];
    size_t need = 0;
    for (int b = 0; b < 256; b++)
        if (counts[b]) need += (size_t)snprintf(line, sizeof line, "%02x %u\n", b, counts[b]);
    if (need > *out_len) { free(counts); *out_len = (uint32_t)need; return -3; }
    size_t o = 0;
    for (int b = 0; b < 256; b++)
        if (counts[b]) { int k = snprintf(line, sizeof line, "%02x %u\n", b, counts[b]); memcpy(out + o, line, (size_t)k); o += (size_t)k; }
    free(counts);
    *out_len = (uint32_t)o;
    return 0;
}
