/* hex-encode: lowercase hex of any bytes, two digits per byte, no separators, for logging
   and diffing binary blobs:
     "Zen" -> "5a656e", hex:00ff -> "00ff", "" -> "".
   Every input is accepted; the output is exactly 2n bytes and -3 names 2n.
   alloc/dealloc: small buffers come from malloc; buffers of 64 KiB and more get whole pages
   of their own straight from memory.grow, so that the big input and output blocks of large
   jobs do not fragment the small-block heap. No imports, no state. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define BIG_BLOCK 65536u
#define PAGE 65536u

static const char PLUGIN_INFO[] = "hex-encode v2.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020100; }

void *alloc(size_t size) {
    if (size > 0x0C000000u) return NULL; /* 192 MiB: more than a host lets a plugin grow to */
    if (size < BIG_BLOCK) return malloc(size ? size : 1);
    size_t pages = (size + PAGE - 1) / PAGE;
    if (pages > 65536u - 1) return NULL;
    size_t old = __builtin_wasm_memory_grow(0, pages);
    if (old == (size_t)-1) return NULL;
    return (void *)(old * PAGE);
}

void dealloc(void *p, size_t size) {
    if (size < BIG_BLOCK) {
        free(p);
        return;
    }
    /* big blocks are whole pages: wasm memory cannot shrink, nothing to give back */
}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static const char DIGITS[] = "0123456789abcdef";

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint64_t need = (uint64_t)n * 2;
    if (need > 0xFFFFFFFFu) return -1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = (uint8_t)DIGITS[in[i] >> 4];
        out[2 * i + 1] = (uint8_t)DIGITS[in[i] & 15];
    }
    put_u32(cell, (uint32_t)need);
    return 0;
}
