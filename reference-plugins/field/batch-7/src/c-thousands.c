/* thousands: formats a column of integers with thousands separators, one per line:
   "1234567\n-42\n+1000\n" -> "1,234,567\n-42\n+1,000\n". A line is an optional sign and
   1 to 64 digits (leading zeros are kept as they are); blank lines stay blank and a CR
   before the LF is dropped. Every output line ends in '\n'. Anything else is -1.
   No heap: a validating pass gives the size, then the lines are written into the output. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "thousands v1.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010100; }

/* Writes (when out is not NULL) the grouped form of tok[0..len) and returns its length. */
static size_t group(const uint8_t *tok, size_t len, uint8_t *out) {
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            if (out) out[o] = ',';
            o++;
        }
        if (out) out[o] = tok[i];
        o++;
    }
    return o;
}

static int valid(const uint8_t *s, size_t len) {
    size_t p = 0;
    if (len > 0 && (s[0] == '-' || s[0] == '+')) p = 1;
    if (len - p == 0 || len - p > 64) return 0;
    for (size_t k = p; k < len; k++)
        if (s[k] < '0' || s[k] > '9') return 0;
    return 1;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    size_t need = 0;
    for (size_t i = 0; i < n;) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;
        if (e > s && in[e - 1] == '\r') e--;
        if (e > s && !valid(in + s, e - s)) return -1;
        need += group(in + s, e - s, NULL) + 1;
    }
    if (need > *out_len) { *out_len = (uint32_t)need; return -3; }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;
        if (i < n) i++;
        if (e > s && in[e - 1] == '\r') e--;
        o += group(in + s, e - s, out + o);
        out[o++] = '\n';
    }
    *out_len = (uint32_t)o;
    return 0;
}
