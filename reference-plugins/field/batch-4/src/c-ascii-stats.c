// text-profile: one line describing the input: "bytes=N lines=L ctrl=C high=H\n" where lines
// counts LF, ctrl the bytes below 0x20 other than TAB/LF/CR plus DEL, and high the bytes >= 0x80.
// The high count has a word-at-a-time fast path: the plugin profiles large binary blobs.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "text-profile v1.0.0";

static size_t count_high(const uint8_t *in, size_t n) {
    size_t i = 0, high = 0;
    // scalar head until the pointer is 8-aligned
    while (i < n && ((uintptr_t)(in + i) & 7)) { high += in[i] >> 7; i++; }
    // eight bytes at a time
    for (; i + 8 <= n; i += 8) {
        uint64_t w; memcpy(&w, in + i, 8);
        high += (size_t)__builtin_popcountll(w & 0x8080808080808080ull);
    }
    // tail
    for (i = n & ~(size_t)7; i < n; i++) high += in[i] >> 7;
    return high;
}

static size_t put_num(char *dst, const char *label, size_t v) {
    size_t o = 0; char tmp[24]; int k = 0;
    while (*label) dst[o++] = *label++;
    do { tmp[k++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (k) dst[o++] = tmp[--k];
    return o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *output_len) {
    size_t lines = 0, ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == '\n') lines++;
        else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) ctrl++;
    }
    size_t high = count_high(in, n);
    char buf[128]; size_t o = 0;
    o += put_num(buf + o, "bytes=", n);
    o += put_num(buf + o, " lines=", lines);
    o += put_num(buf + o, " ctrl=", ctrl);
    o += put_num(buf + o, " high=", high);
    buf[o++] = '\n';
    if (o > *output_len) { *output_len = o; return -3; }
    memcpy(out, buf, o);
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010000; }
