// b64-decode: decodes standard base64 (RFC 4648 alphabet, '=' padding required, no line
// breaks or whitespace). A length that is not a multiple of 4, a byte outside the alphabet, or
// padding anywhere but at the end is -1. The decoded size follows from the length and the
// padding, so the capacity is checked before decoding.
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "b64-decode v2.0.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020001; }

static int val(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    if (n % 4) return -1;
    size_t pad = 0;
    if (n && in[n - 1] == '=') pad++;
    if (n > 1 && in[n - 2] == '=') pad++;
    size_t need = n / 4 * 3 - pad;
    if (need > *out_len) {
        *out_len = need;
        return -3;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        int last = i + 4 == n;
        int a = val(in[i]), b = val(in[i + 1]);
        int c = (last && in[i + 2] == '=' && in[i + 3] == '=') ? 0 : val(in[i + 2]);
        int d = (last && in[i + 3] == '=') ? 0 : val(in[i + 3]);
        if (a < 0 || b < 0 || c < 0 || d < 0) return -1;
        uint32_t w = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | (uint32_t)d;
        out[o++] = w >> 16;
        if (!(last && pad == 2)) out[o++] = w >> 8;
        if (!(last && pad >= 1)) out[o++] = w;
    }
    *out_len = o;
    return 0;
}
