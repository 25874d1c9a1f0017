/* hex-dec: hex text to bytes, for configs that carry keys and salts as hex:
     "48656c6c6f" -> "Hello", "48 65 6C\n6c 6f" -> "Hello", "" -> "".
   Each pair of hex digits (either case) is one byte. Spaces, tabs, CR and LF may stand
   between pairs but not inside one. Anything else, a pair split by whitespace or a digit
   left over at the end gives -1, and the reason and the offset are logged through
   env.host_log together with the input from that offset on, so an operator can see what
   the bad text looks like. The output is at most n / 2 bytes; -3 names its exact size.
   No heap, no state. */
#include <stddef.h>
#include <stdint.h>

__attribute__((import_module("env"), import_name("host_log")))
void host_log(const char *ptr, size_t len);

static const char PLUGIN_INFO[] = "hex-dec v2.2.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020201; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
static int is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* how much of the bad input to show after the message */
#define CONTEXT_BYTES 16

static char msg[80];

static size_t put_str(char *d, size_t k, const char *s) {
    while (*s) d[k++] = *s++;
    return k;
}
static size_t put_dec(char *d, size_t k, uint32_t v) {
    char tmp[10];
    int t = 0;
    do { tmp[t++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (t) d[k++] = tmp[--t];
    return k;
}

static int32_t fail(const char *why, const uint8_t *in, size_t pos) {
    size_t k = put_str(msg, 0, "hex-dec: ");
    k = put_str(msg, k, why);
    k = put_str(msg, k, " at offset ");
    k = put_dec(msg, k, (uint32_t)pos);
    k = put_str(msg, k, ", input from there:");
    host_log(msg, k);
    host_log((const char *)in + pos, CONTEXT_BYTES);
    return -1;
}

/* one pass: counts the bytes (out == NULL) or writes them */
static int32_t scan(const uint8_t *in, size_t n, uint8_t *out, size_t *count) {
    size_t i = 0, k = 0;
    while (i < n) {
        if (is_space(in[i])) { i++; continue; }
        int hi = hexval(in[i]);
        if (hi < 0) return fail("bad hex digit", in, i);
        if (i + 1 >= n) return fail("odd number of digits", in, i);
        int lo = hexval(in[i + 1]);
        if (lo < 0) return fail(is_space(in[i + 1]) ? "pair split by whitespace" : "bad hex digit", in, i + 1);
        if (out) out[k] = (uint8_t)(hi << 4 | lo);
        k++;
        i += 2;
    }
    *count = k;
    return 0;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    size_t need;
    if (scan(in, n, NULL, &need) != 0) return -1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    size_t wrote;
    scan(in, n, out, &wrote);
    put_u32(cell, (uint32_t)wrote);
    return 0;
}
