/* sort-words: the words of the input (runs of bytes other than space, tab, CR, LF, VT, FF)
   sorted bytewise, one per line:
     "pear apple fig\nbanana" -> "apple\nbanana\nfig\npear\n", "" and "  \n" -> "".
   Any bytes are accepted. The output is the word bytes plus one LF per word; -3 names
   exactly that.
   Memory: alloc/dealloc hand out blocks from a small first-fit heap above __heap_base
   (8-byte header holding the block size, 8-aligned, freed blocks kept on a list and reused,
   memory grown when nothing fits; 0 for a size that cannot be had). process takes its word
   table from the same heap. No imports. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "sort-words v0.9.2";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000902; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* ---- heap ---------------------------------------------------------------------------- */

extern unsigned char __heap_base;

typedef struct block {
    uint32_t size;        /* usable bytes after the header */
    struct block *next;   /* free list link while the block is free */
} block;

static uintptr_t heap_floor; /* first header address */
static uintptr_t top;        /* next header address for the bump */
static block *free_list;

static void heap_setup(void) {
    if (!heap_floor) {
        heap_floor = ((uintptr_t)&__heap_base + 7) & ~(uintptr_t)7;
        top = heap_floor;
    }
}

static void *heap_alloc(size_t size) {
    heap_setup();
    if (size > 0x7FFF0000u) return NULL;
    if (size < 8) size = 8;
    size = (size + 7) & ~(size_t)7;
    /* first fit among the freed blocks (no splitting) */
    for (block **pp = &free_list; *pp; pp = &(*pp)->next) {
        block *b = *pp;
        if (b->size >= size) {
            *pp = b->next;
            return b + 1;
        }
    }
    uint64_t end = (uint64_t)top + sizeof(block) + size;
    uint64_t have = (uint64_t)__builtin_wasm_memory_size(0) << 16;
    if (end > have) {
        uint64_t pages = (end - have + 0xFFFF) >> 16;
        if (end > 0xFFFFFFFFull || __builtin_wasm_memory_grow(0, (size_t)pages) == (size_t)-1)
            return NULL;
    }
    block *b = (block *)top;
    b->size = (uint32_t)size;
    top = (uintptr_t)end;
    return b + 1;
}

static void heap_free(void *p) {
    if (!p) return;
    block *b = (block *)p - 1;
    b->next = free_list;
    free_list = b;
}

/* Per-call scratch is dropped all at once at the end of the call: cheaper than freeing
   each piece, and nothing of a call is needed after it returns. */
static void scratch_release(void) {
    top = heap_floor;
    free_list = NULL;
}

void *alloc(size_t size) { return heap_alloc(size); }
void dealloc(void *p, size_t size) { (void)size; heap_free(p); }

/* ---- words --------------------------------------------------------------------------- */

typedef struct { const uint8_t *p; uint32_t len; } word;

static int is_ws(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int cmp_word(const void *a, const void *b) {
    const word *x = a, *y = b;
    uint32_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->p, y->p, m);
    if (c) return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    size_t count = 0, need = 0;
    for (size_t i = 0; i < n;) {
        if (is_ws(in[i])) { i++; continue; }
        size_t s = i;
        while (i < n && !is_ws(in[i])) i++;
        count++;
        need += i - s + 1;
    }
    if (need > 0xFFFFFFFFu) return -1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    if (count == 0) {
        put_u32(cell, 0);
        return 0;
    }

    word *w = heap_alloc(count * sizeof(word));
    if (!w) return -2;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (is_ws(in[i])) { i++; continue; }
        size_t s = i;
        while (i < n && !is_ws(in[i])) i++;
        w[k].p = in + s;
        w[k].len = (uint32_t)(i - s);
        k++;
    }
    qsort(w, count, sizeof(word), cmp_word);

    size_t o = 0;
    for (k = 0; k < count; k++) {
        memcpy(out + o, w[k].p, w[k].len);
        o += w[k].len;
        out[o++] = '\n';
    }
    scratch_release();
    put_u32(cell, (uint32_t)o);
    return 0;
}
