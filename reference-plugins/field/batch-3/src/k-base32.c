/* CORRECT-UNUSUAL: base32: RFC 4648 base32 with '=' padding ("foobar" -> "MZXW6YTBOI======").
   The alphabet's reverse table is built in init() and cleared in cleanup(); no heap, no imports. */
#include <stdint.h>
#include <stddef.h>
static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static int8_t REV[256];
static int ready;
const char *plugin_info(void) { return "base32 v1.4.2"; }
uint32_t plugin_version(void) { return 1 << 16 | 4 << 8 | 2; }
int32_t init(void) {
    for (int i = 0; i < 256; i++) REV[i] = -1;
    for (int i = 0; i < 32; i++) REV[(uint8_t)A[i]] = (int8_t)i;
    ready = 1;
    return 0;
}
void cleanup(void) { ready = 0; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (!ready) return -99;
    uint64_t need = ((uint64_t)n + 4) / 5 * 8;
    if (need > *out_len) { *out_len = (uint32_t)need; return -3; }
    size_t o = 0;
    for (size_t i = 0; i < n; i += 5) {
        uint8_t b[5] = {0, 0, 0, 0, 0};
        size_t k = n - i < 5 ? n - i : 5;
        for (size_t j = 0; j < k; j++) b[j] = in[i + j];
        uint64_t v = 0;
        for (int j = 0; j < 5; j++) v = (v << 8) | b[j];
        static const uint8_t chars[6] = {0, 2, 4, 5, 7, 8};
        size_t used = chars[k];
        for (int j = 0; j < 8; j++) out[o + j] = (size_t)j < used ? (uint8_t)A[(v >> (35 - 5 * j)) & 31] : '=';
        o += 8;
    }
    *out_len = (uint32_t)o;
    return 0;
}
