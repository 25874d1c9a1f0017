/* kv2json: "key=value" lines to one JSON object: "a=1\nb=x y\n" -> {"a":"1","b":"x y"}.
   The key is everything before the first '=', the value everything after it (a CR before
   the LF is dropped); both become JSON strings, with " and \ backslash-escaped and control
   characters as \u00XX. Blank lines are skipped; a non-blank line without '=' or with an
   empty key is -1. Keys are written in input order, duplicates included. Bytes >= 0x80 are
   copied as they are. No heap: a sizing pass, then a writing pass. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "kv2json v1.0.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010000; }

static const char HEX[] = "0123456789abcdef";

/* Writes (when out != NULL) s[0..len) as a JSON string literal at out; returns its size. */
static size_t json_str(const uint8_t *s, size_t len, uint8_t *out) {
    size_t o = 0;
    if (out) out[o] = '"';
    o++;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        if (c == '"' || c == '\\') {
            if (out) { out[o] = '\\'; out[o + 1] = c; }
            o += 2;
        } else if (c < 0x20) {
            if (out) {
                out[o] = '\\'; out[o + 1] = 'u'; out[o + 2] = '0'; out[o + 3] = '0';
                out[o + 4] = (uint8_t)HEX[c >> 4]; out[o + 5] = (uint8_t)HEX[c & 15];
            }
            o += 6;
        } else {
            if (out) out[o] = c;
            o++;
        }
    }
    if (out) out[o] = '"';
    o++;
    return o;
}

/* One pass over the lines; returns the object's size or -1. */
static long convert(const uint8_t *in, size_t n, uint8_t *out) {
    size_t o = 0;
    if (out) out[o] = '{';
    o++;
    for (size_t i = 0; i < n;) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;
        if (e > s && in[e - 1] == '\r') e--;
        if (e == s) continue;
        size_t eq = s;
        while (eq < e && in[eq] != '=') eq++;
        if (eq == e || eq == s) return -1;
        o += json_str(in + s, eq - s, out ? out + o : NULL);
        if (out) out[o] = ':';
        o++;
        o += json_str(in + eq + 1, e - eq - 1, out ? out + o : NULL);
        if (out) out[o] = ',';
        o++;
    }
    /* the last pair's comma becomes the closing brace */
    if (out) out[o - 1] = '}';
    return (long)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    long need = convert(in, n, NULL);
    if (need < 0) return -1;
    if ((uint32_t)need > *out_len) { *out_len = (uint32_t)need; return -3; }
    *out_len = (uint32_t)convert(in, n, out);
    return 0;
}
