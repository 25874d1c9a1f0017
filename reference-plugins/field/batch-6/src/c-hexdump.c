/* hexdump: a canonical hex dump, 16 bytes a row:
     "00000000: 48 65 6c 6c 6f 0a                                Hello.\n"
   an 8-digit offset and a colon, " hh" for each byte (three spaces for the missing ones of
   the last row), two spaces, then the bytes as ASCII ('.' for anything not printable).
   A row is 60 + k bytes for k input bytes. Any input is accepted; the empty input gives the
   empty output. process uses no heap; the module exports a small free-list allocator of its
   own for the host's buffers (no libc malloc). */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "hexdump v1.2.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010200; }

/* The allocator: blocks carry an 8-byte header (payload size, free flag), freed blocks go on
   a first-fit free list, a big free block is split, and a freed block absorbs a free block
   right after it so the heap does not fragment into small pieces. */
extern unsigned char __heap_base;
struct hdr { uint32_t size; uint32_t free; };        /* payload follows, 8-byte aligned */
static uintptr_t heap_top;                            /* end of the last block */
static struct hdr *free_list;                         /* next pointer in the first payload word */

#define NEXT(h) (*(struct hdr **)((h) + 1))
#define AFTER(h) ((struct hdr *)((uint8_t *)((h) + 1) + (h)->size))

void *alloc(size_t size) {
    if (size > 0x40000000) return 0;                  /* 1 GiB: more than any host buffer */
    uint32_t need = size < 8 ? 8 : (uint32_t)((size + 7) & ~(size_t)7);
    if (!heap_top) heap_top = ((uintptr_t)&__heap_base + 7) & ~(uintptr_t)7;
    for (struct hdr **pp = &free_list; *pp; pp = &NEXT(*pp)) {
        struct hdr *h = *pp;
        if (h->size < need) continue;
        *pp = NEXT(h);
        if (h->size - need >= 32) {                   /* split off the rest */
            struct hdr *rest = (struct hdr *)((uint8_t *)(h + 1) + need);
            rest->size = h->size - need - (uint32_t)sizeof(struct hdr);
            rest->free = 1;
            NEXT(rest) = free_list;
            free_list = rest;
            h->size = need;
        }
        h->free = 0;
        return h + 1;
    }
    uintptr_t end = heap_top + sizeof(struct hdr) + need;
    uintptr_t have = (uintptr_t)__builtin_wasm_memory_size(0) << 16;
    if (end > have && __builtin_wasm_memory_grow(0, (end - have + 0xFFFF) >> 16) == (size_t)-1) return 0;
    struct hdr *h = (struct hdr *)heap_top;
    h->size = need;
    h->free = 0;
    heap_top = end;
    return h + 1;
}

void dealloc(void *p, size_t size) {
    (void)size;
    if (!p) return;
    struct hdr *h = (struct hdr *)p - 1;
    struct hdr *next = AFTER(h);
    if ((uintptr_t)next < heap_top && next->free)     /* absorb the free block after it */
        h->size += (uint32_t)sizeof(struct hdr) + next->size;
    h->free = 1;
    NEXT(h) = free_list;
    free_list = h;
}

static const char HEX[] = "0123456789abcdef";

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n > 0x7FFFFFFF / 4) return -1;                 /* output would pass 4 GiB */
    size_t rows = (n + 15) / 16;
    size_t need = rows * 60 + n;
    if (need > *out_len) { *out_len = (uint32_t)need; return -3; }
    size_t o = 0;
    for (size_t r = 0; r < rows; r++) {
        size_t off = r * 16, k = n - off < 16 ? n - off : 16;
        for (int d = 7; d >= 0; d--) out[o++] = HEX[(off >> (4 * d)) & 15];
        out[o++] = ':';
        for (size_t j = 0; j < 16; j++) {
            out[o++] = ' ';
            if (j < k) { out[o++] = HEX[in[off + j] >> 4]; out[o++] = HEX[in[off + j] & 15]; }
            else { out[o++] = ' '; out[o++] = ' '; }
        }
        out[o++] = ' '; out[o++] = ' ';
        for (size_t j = 0; j < k; j++) {
            uint8_t c = in[off + j];
            out[o++] = c >= 0x20 && c < 0x7F ? c : '.';
        }
        out[o++] = '\n';
    }
    *out_len = (uint32_t)o;
    return 0;
}
