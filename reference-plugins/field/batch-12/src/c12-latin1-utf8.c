/* latin1-utf8: ISO-8859-1 text to UTF-8, for old exports and mainframe dumps:
     hex:636166e9 ("caf\xe9") -> "café", "plain" -> "plain", "" -> "".
   Every byte is a Latin-1 character (0x80-0x9F are the C1 controls U+0080-U+009F), so every
   input is accepted; the output is n bytes plus one per byte >= 0x80 (at most 2n); -3 names
   exactly that size. No imports, no state.
   Unusual but legal, per ABI.md:
    - alloc(0) returns a fixed dangling pointer, 0xFFFFFFF0, far past the end of memory ("any
      value" is allowed for alloc(0): the host passes it as an empty buffer and never reads or
      writes through it); dealloc of that pointer (or of any size-0 block) does nothing.
      Other sizes come from malloc, 0 when it cannot (and above 192 MiB);
    - process never touches a buffer whose length is 0, so an empty input or an output of
      capacity 0 at that pointer is fine: the empty input gives rc 0 and an empty output,
      capacity 0 gives -3 with the needed size (or 0 when the output is empty too);
    - init and cleanup are not exported and nothing is kept between calls; malloc is only
      reached through alloc (the host's buffers), process itself uses no heap. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BLOCK 0x0C000000u /* 192 MiB */
#define EMPTY_BLOCK ((void *)(uintptr_t)0xFFFFFFF0u)

static const char PLUGIN_INFO[] = "latin1-utf8 v1.0.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010000; }

void *alloc(size_t size) {
    if (size == 0) return EMPTY_BLOCK;
    if (size > MAX_BLOCK) return NULL; /* more than the host lets a plugin grow to */
    return malloc(size);
}
void dealloc(void *p, size_t size) {
    if (size == 0 || p == EMPTY_BLOCK) return;
    free(p);
}

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint64_t need = n;
    for (size_t i = 0; i < n; i++) need += in[i] >> 7;
    if (need > 0xFFFFFFFFu) return -1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    if (need == 0) {
        put_u32(cell, 0);
        return 0;
    }
    /* the ASCII prefix in one copy */
    size_t i = 0;
    while (i < n && in[i] < 0x80) i++;
    memcpy(out, in, i);
    size_t o = i;
    for (; i < n; i++) {
        uint8_t c = in[i];
        if (c < 0x80) {
            out[o++] = c;
        } else {
            out[o++] = (uint8_t)(0xC0 | (c >> 6));
            out[o++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    put_u32(cell, (uint32_t)o);
    return 0;
}
