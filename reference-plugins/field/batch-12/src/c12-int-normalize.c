/* int-normalize: one signed 64-bit integer per line, written back in canonical form, for
   cleaning id and count columns before they are joined:
     " +0042\n-7\n0000\n" -> "42\n-7\n0\n", "" -> "".
   Each line may have spaces or tabs around the number, a '+' or '-' sign and leading zeros;
   empty lines (and a CR before the LF) are dropped. A line that is not a number, or a number
   outside the int64 range, is -1. Every output line ends with LF; -3 names the exact size.
   No heap, no imports, no state (parsing is strtoll's, on a NUL-terminated copy of the line). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char PLUGIN_INFO[] = "int-normalize v1.0.2";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010002; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* formats v into buf (at least 21 bytes), returns the length */
static size_t fmt_i64(char *buf, long long v) {
    char tmp[24];
    size_t t = 0, k = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do { tmp[t++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) buf[k++] = '-';
    while (t) buf[k++] = tmp[--t];
    return k;
}

/* parses one line [s, e); 1 = a number in *v, 0 = blank, -1 = invalid */
static int parse_line(const uint8_t *s, const uint8_t *e, long long *v) {
    char line[32];
    if (e > s && e[-1] == '\r') e--;
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    if (s == e) return 0;
    /* skip leading zeros after the sign so that long zero runs still fit the copy */
    size_t k = 0;
    if (*s == '+' || *s == '-') line[k++] = (char)*s++;
    while (e - s > 1 && *s == '0') s++;
    if (s == e || (size_t)(e - s) > 20) return -1;
    for (const uint8_t *p = s; p < e; p++) {
        if (*p < '0' || *p > '9') return -1;
        line[k++] = (char)*p;
    }
    line[k] = 0;
    char *end;
    *v = strtoll(line, &end, 10);
    if (errno == ERANGE) return -1;
    if (*end != 0) return -1;
    return 1;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint64_t need = 0;
    const uint8_t *p = in, *end = in + n;
    char num[24];
    long long v;
    while (p < end) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        const uint8_t *e = nl ? nl : end;
        int r = parse_line(p, e, &v);
        if (r < 0) return -1;
        if (r > 0) need += fmt_i64(num, v) + 1;
        p = nl ? nl + 1 : end;
    }
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
            size_t k = fmt_i64(num, v);
            memcpy(out + o, num, k);
            o += k;
            out[o++] = '\n';
        }
        p = nl ? nl + 1 : end;
    }
    put_u32(cell, (uint32_t)o);
    return 0;
}
