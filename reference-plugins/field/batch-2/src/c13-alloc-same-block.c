/* xor-mask with 0x5a; small allocations come from a static scratch block.
   BUG: every small alloc returns the same scratch block. */
#include "zp.h"
INFO_FN("xor-mask v1.0.0")
extern unsigned char __heap_base;
static uint8_t scratch[4096] __attribute__((aligned(8)));
static uintptr_t top = 0;
uint8_t *alloc(size_t size) {
    if (size <= sizeof scratch) return scratch;
    if (!top) top = ((uintptr_t)&__heap_base + 7) & ~7u;
    uintptr_t end = (top + size + 7) & ~7u;
    size_t have = __builtin_wasm_memory_size(0) * 65536;
    if (end > have) { size_t pages = (end - have + 65535) / 65536; if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) return 0; }
    uint8_t *p = (uint8_t *)top; top = end; return p;
}
void dealloc(uint8_t *p, size_t size) { (void)p; (void)size; if (size > sizeof scratch) top = 0; /* big blocks: reset when any is freed */ }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n > *out_len) { *out_len = n; return ZTOOSMALL; }
    for (size_t i = 0; i < n; i++) out[i] = in[i] ^ 0x5a;
    *out_len = n; return ZOK;
}
