/* num-fixed: decimal numbers, one per line, rewritten with exactly two decimals, for money
   and measurement columns:
     "3.14159\n2\n-0.005\n1e3\n" -> "3.14\n2.00\n-0.01\n1000.00\n", "" -> "".
   Spaces and tabs around a number and a CR before the LF are ignored, empty lines are
   dropped; anything strtod does not take whole (or inf/nan, or a line over 63 bytes) is -1.
   Rounding is printf's %.2f. Each output line ends with LF; -3 names the exact size.
   No heap, no imports, no state. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "num-fixed v1.0.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010000; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* 1 = a number in *v, 0 = blank line, -1 = invalid */
static int parse_line(const uint8_t *s, const uint8_t *e, double *v) {
    char buf[64];
    if (e > s && e[-1] == '\r') e--;
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    if (s == e) return 0;
    if ((size_t)(e - s) >= sizeof buf) return -1;
    memcpy(buf, s, (size_t)(e - s));
    buf[e - s] = 0;
    char *end;
    *v = strtod(buf, &end);
    if (end == buf || *end != 0 || !isfinite(*v)) return -1;
    return 1;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    const uint8_t *p = in, *end = in + n;
    uint64_t need = 0;
    double v;
    while (p < end) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *e = nl ? nl : end;
        int r = parse_line(p, e, &v);
        if (r < 0) return -1;
        if (r > 0) need += (uint64_t)snprintf(NULL, 0, "%.2f\n", v);
        p = nl ? nl + 1 : end;
    }
    if (need > 0xFFFFFFFFu) return -1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    size_t o = 0;
    p = in;
    while (p < end) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *e = nl ? nl : end;
        if (parse_line(p, e, &v) > 0) {
            size_t room = cap - o;
            int w = snprintf((char *)out + o, room, "%.2f\n", v);
            if (w < 0 || (size_t)w > room) return -99; /* cannot happen: sized above */
            o += (size_t)w;
        }
        p = nl ? nl + 1 : end;
    }
    put_u32(cell, (uint32_t)o);
    return 0;
}
