/* caesar3: shifts ASCII letters by 3; alloc/dealloc over malloc/free.
   BUG: a 24-byte per-call context is malloc'd and kept in `last` for a debugger, and the
   previous one is never freed. (The first version of this plugin did not keep it: clang -O2
   then removed the unused malloc, and the module had no leak at all.) */
#include "zp.h"
#include <stdlib.h>
INFO_FN("caesar3 v1.0.0")
void *alloc(size_t n) { return malloc(n ? n : 1); }
void dealloc(void *p, size_t n) { (void)n; free(p); }
struct ctx { uint32_t calls; uint32_t shift; const uint8_t *in; size_t n; uint8_t *out; };
struct ctx *last; /* the last call's context, for a debugger */
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    struct ctx *c = malloc(sizeof *c);
    if (!c) return -2;
    c->shift = 3; c->in = in; c->n = n; c->out = out;
    last = c;
    if (n > *out_len) { *out_len = n; return ZTOOSMALL; }
    for (size_t i = 0; i < c->n; i++) {
        uint8_t b = c->in[i];
        if (b >= 'a' && b <= 'z') b = 'a' + (b - 'a' + c->shift) % 26;
        else if (b >= 'A' && b <= 'Z') b = 'A' + (b - 'A' + c->shift) % 26;
        c->out[i] = b;
    }
    *out_len = n; return ZOK;
}
