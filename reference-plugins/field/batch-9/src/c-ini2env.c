/* ini2env: INI files to environment-variable lines, for feeding config into containers:
     "[db]\nhost = pg.local\nport=5432\n" -> "DB_HOST=pg.local\nDB_PORT=5432\n"
   Section and key names are upper-cased and every byte that is not a letter or digit becomes
   '_'; keys before any section get no prefix. Values are copied as they are (trimmed of
   spaces and tabs). Blank lines and lines starting with ';' or '#' are skipped; a CR before
   the LF is dropped. A line that is neither "[section]" nor "key=value" (or has an empty
   key or section name) is -1.
   The mapped section prefix is built in a heap block; the heap is a small first-fit free
   list over memory above __heap_base, exported as alloc/dealloc for the host's buffers. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "ini2env v1.0.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010000; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* ---- heap ---------------------------------------------------------------------------- */

extern unsigned char __heap_base;

typedef struct block {
    uint32_t size;          /* usable bytes after the header, a multiple of 8 */
    struct block *next;     /* free-list link while the block is free */
} block;                    /* 8 bytes: blocks stay 8-aligned */

static block *free_list;
static uintptr_t heap_top;

void *alloc(size_t size) {
    if (size > 0x7FFFFFF0u) return 0;
    uint32_t sz = (uint32_t)((size + 7) & ~(size_t)7);
    if (sz == 0) sz = 8;

    /* first fit: reuse a freed block the request fits in */
    for (block **pp = &free_list; *pp; pp = &(*pp)->next) {
        block *b = *pp;
        if (b->size <= sz) {
            *pp = b->next;
            return b + 1;
        }
    }

    if (heap_top == 0) heap_top = ((uintptr_t)&__heap_base + 7) & ~(uintptr_t)7;
    uint64_t end = (uint64_t)heap_top + sizeof(block) + sz;
    uint64_t have = (uint64_t)__builtin_wasm_memory_size(0) * 65536;
    if (end > have) {
        uint64_t pages = (end - have + 65535) / 65536;
        if (pages > 65536 || __builtin_wasm_memory_grow(0, (size_t)pages) == (size_t)-1) return 0;
    }
    block *b = (block *)heap_top;
    b->size = sz;
    b->next = 0;
    heap_top = (uintptr_t)end;
    return b + 1;
}

void dealloc(void *p, size_t size) {
    (void)size;
    if (!p) return;
    block *b = (block *)p - 1;
    b->next = free_list;
    free_list = b;
}

/* ---- conversion ---------------------------------------------------------------------- */

static uint8_t env_char(uint8_t c) {
    if (c >= 'a' && c <= 'z') return (uint8_t)(c - 32);
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return c;
    return '_';
}

static int is_blank(uint8_t c) { return c == ' ' || c == '\t'; }

/* One pass: sizes (out == NULL) or writes. Returns the size, -1 for bad input, -2 OOM. */
static int64_t convert(const uint8_t *in, size_t n, uint8_t *out) {
    uint8_t *prefix = 0;     /* "SECTION_" mapped, in a heap block */
    size_t prefix_len = 0;
    size_t o = 0;
    int64_t rc = 0;
    for (size_t i = 0; i < n;) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;
        if (e > s && in[e - 1] == '\r') e--;
        while (s < e && is_blank(in[s])) s++;
        while (e > s && is_blank(in[e - 1])) e--;
        if (s == e || in[s] == ';' || in[s] == '#') continue;

        if (in[s] == '[') {
            if (in[e - 1] != ']' || e - s < 3) { rc = -1; goto done; }
            size_t ns = s + 1, ne = e - 1;
            if (prefix) dealloc(prefix, prefix_len);
            prefix_len = ne - ns + 1;
            prefix = alloc(prefix_len);
            if (!prefix) { prefix_len = 0; rc = -2; goto done; }
            for (size_t k = 0; k < ne - ns; k++) prefix[k] = env_char(in[ns + k]);
            prefix[prefix_len - 1] = '_';
            continue;
        }

        size_t eq = s;
        while (eq < e && in[eq] != '=') eq++;
        if (eq == e) { rc = -1; goto done; }
        size_t ke = eq;
        while (ke > s && is_blank(in[ke - 1])) ke--;
        if (ke == s) { rc = -1; goto done; }
        size_t vs = eq + 1;
        while (vs < e && is_blank(in[vs])) vs++;

        if (out) {
            for (size_t k = 0; k < prefix_len; k++) out[o + k] = prefix[k];
            for (size_t k = s; k < ke; k++) out[o + prefix_len + (k - s)] = env_char(in[k]);
        }
        o += prefix_len + (ke - s);
        if (out) out[o] = '=';
        o++;
        if (out) for (size_t k = vs; k < e; k++) out[o + (k - vs)] = in[k];
        o += e - vs;
        if (out) out[o] = '\n';
        o++;
    }
    rc = (int64_t)o;
done:
    if (prefix) dealloc(prefix, prefix_len);
    return rc;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint32_t cap = get_u32(cell);
    int64_t need = convert(in, n, 0);
    if (need < 0) return (int32_t)need;
    if (need > 0xFFFFFFFFll) return -1;
    if ((uint64_t)need > cap) { put_u32(cell, (uint32_t)need); return -3; }
    convert(in, n, out);
    put_u32(cell, (uint32_t)need);
    return 0;
}
