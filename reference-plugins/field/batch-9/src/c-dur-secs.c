/* dur-secs: human durations to seconds, one per line, for normalising config/log fields:
     "1h30m\n45s\n2d 4h\n" -> "5400\n45\n187200\n"
   A duration is one or more <digits><unit> groups, unit one of w d h m s (lower case),
   optionally separated by spaces or tabs. A CR before the LF is ignored; blank lines are
   skipped. Anything else is -1. Totals are unsigned 64-bit. Two passes (size, then write),
   no heap, no imports. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "dur-secs v0.3.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000301; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static uint64_t unit_secs(uint8_t u) {
    switch (u) {
    case 'w': return 604800;
    case 'd': return 86400;
    case 'h': return 3600;
    case 'm': return 60;
    case 's': return 1;
    default: return 0;
    }
}

/* Parses one line [s, e). Returns 0 and the total in *secs, -1 for a syntax error,
   -ERANGE when the total does not fit 64 bits. */
static int parse_line(const uint8_t *s, const uint8_t *e, uint64_t *secs) {
    uint64_t total = 0;
    int groups = 0;
    while (s < e) {
        if (*s == ' ' || *s == '\t') { s++; continue; }
        if (*s < '0' || *s > '9') return -1;
        uint64_t v = 0;
        while (s < e && *s >= '0' && *s <= '9') {
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, (uint64_t)(*s - '0'), &v))
                return -ERANGE;
            s++;
        }
        if (s == e) return -1;
        uint64_t u = unit_secs(*s++);
        if (u == 0) return -1;
        if (__builtin_mul_overflow(v, u, &v) || __builtin_add_overflow(total, v, &total))
            return -ERANGE;
        groups++;
    }
    if (groups == 0) return -1;
    *secs = total;
    return 0;
}

static size_t dec_len(uint64_t v) {
    size_t k = 1;
    while (v >= 10) { v /= 10; k++; }
    return k;
}

static size_t put_dec(uint8_t *out, uint64_t v) {
    size_t k = dec_len(v);
    for (size_t j = k; j > 0; j--) { out[j - 1] = (uint8_t)('0' + v % 10); v /= 10; }
    return k;
}

/* One pass over the lines: sizes (out == NULL) or writes. Returns the size or a negative code. */
static int64_t run(const uint8_t *in, size_t n, uint8_t *out) {
    size_t o = 0;
    size_t i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;
        if (e > s && in[e - 1] == '\r') e--;
        size_t b = s;
        while (b < e && (in[b] == ' ' || in[b] == '\t')) b++;
        if (b == e) continue;
        uint64_t secs;
        int r = parse_line(in + s, in + e, &secs);
        if (r < 0) return r;
        if (out) { o += put_dec(out + o, secs); out[o] = '\n'; }
        else o += dec_len(secs);
        o++;
        if (o > 0xFFFFFFFFu) return -1;
    }
    return (int64_t)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint32_t cap = get_u32(cell);
    int64_t need = run(in, n, NULL);
    if (need < 0) return (int32_t)need;
    if ((uint64_t)need > cap) { put_u32(cell, (uint32_t)need); return -3; }
    run(in, n, out);
    put_u32(cell, (uint32_t)need);
    return 0;
}
