/* qp-decode: decodes quoted-printable text (RFC 2045, section 6.7).
   "=XX" (two hex digits, either case) becomes the byte 0xXX, a soft line break ("=" then LF
   or CR LF) is removed, every other byte is copied. An "=" followed by anything else is -1.
   Decoded mail bodies are often fed in chunks, so an escape that the end of the input cuts
   off ("=" or "=4" as the last bytes) is kept and completed by the next call.
   The output is never longer than the input. No heap: a validating/sizing pass, then the
   decoding pass. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "qp-decode v1.0.2";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010002; }

/* bytes of an escape cut off at the end of the previous chunk */
static uint8_t pending[3];
static size_t npending;

static int hexval(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* byte k of the pending bytes followed by the input */
static uint8_t at(const uint8_t *in, size_t k) {
    return k < npending ? pending[k] : in[k - npending];
}

/* One pass over pending + input. Writes when out != NULL. Returns the output size, or -1.
   *tail receives the number of bytes at the end that form an unfinished escape. */
static long decode(const uint8_t *in, size_t n, uint8_t *out, size_t *tail) {
    size_t total = npending + n, o = 0, i = 0;
    *tail = 0;
    while (i < total) {
        uint8_t c = at(in, i);
        if (c != '=') {
            if (out) out[o] = c;
            o++;
            i++;
            continue;
        }
        size_t left = total - i - 1;
        if (left == 0) { *tail = 1; break; }
        uint8_t c1 = at(in, i + 1);
        if (c1 == '\n') { i += 2; continue; }
        if (c1 == '\r') {
            if (left == 1) { *tail = 2; break; }
            if (at(in, i + 2) != '\n') return -1;
            i += 3;
            continue;
        }
        if (hexval(c1) < 0) return -1;
        if (left == 1) { *tail = 2; break; }
        int lo = hexval(at(in, i + 2));
        if (lo < 0) return -1;
        if (out) out[o] = (uint8_t)(hexval(c1) << 4 | lo);
        o++;
        i += 3;
    }
    return (long)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    size_t tail;
    long need = decode(in, n, NULL, &tail);
    if (need < 0) { npending = 0; return -1; }
    if ((uint32_t)need > *out_len) { *out_len = (uint32_t)need; return -3; }
    decode(in, n, out, &tail);
    /* keep the cut-off escape for the next chunk */
    size_t total = npending + n;
    uint8_t keep[3];
    for (size_t k = 0; k < tail; k++) keep[k] = at(in, total - tail + k);
    for (size_t k = 0; k < tail; k++) pending[k] = keep[k];
    npending = tail;
    *out_len = (uint32_t)need;
    return 0;
}
