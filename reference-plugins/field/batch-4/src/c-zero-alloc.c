// squeeze-ws: collapses every run of spaces and tabs into one space and drops blanks at the end
// of each line; line breaks are kept. Any bytes are accepted. Exports a size-class allocator
// (power-of-two classes from 16 bytes, LIFO free lists) so the host's buffers come from it.
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "squeeze-ws v1.1.0";

extern unsigned char __heap_base;
static uintptr_t heap_top, heap_end;
static void *free_list[28];                   // classes 16 B .. 2 GiB

static unsigned size_class(size_t size) {
    unsigned c = 0;
    while (((size_t)16 << c) < size) c++;
    return c;
}

void *alloc(size_t size) {
    if (!heap_top) { heap_top = ((uintptr_t)&__heap_base + 15) & ~(uintptr_t)15; heap_end = __builtin_wasm_memory_size(0) * 65536; }
    if (size == 0) return (void *)heap_top;       // unique address, never dereferenced
    if (size > ((size_t)1 << 30)) return 0;
    unsigned c = size_class(size);
    if (free_list[c]) { void *p = free_list[c]; free_list[c] = *(void **)p; return p; }
    size_t bytes = (size_t)16 << c;
    if (heap_top + bytes > heap_end) {
        size_t pages = (heap_top + bytes - heap_end + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0;
        heap_end += pages * 65536;
    }
    void *p = (void *)heap_top;
    heap_top += bytes;
    return p;
}

void dealloc(void *p, size_t size) {
    if (!p) return;
    unsigned c = size_class(size);
    *(void **)p = free_list[c];
    free_list[c] = p;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *output_len) {
    size_t cap = *output_len, o = 0, pending = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == ' ' || c == '\t') { pending = 1; continue; }
        if (c == '\n' || c == '\r') pending = 0;
        if (pending) { if (o < cap) out[o] = ' '; o++; pending = 0; }
        if (o < cap) out[o] = c;
        o++;
    }
    *output_len = o;
    return o > cap ? -3 : 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010100; }
