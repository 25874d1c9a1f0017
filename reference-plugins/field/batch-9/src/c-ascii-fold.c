/* ascii-fold: folds the Latin-1 letters of UTF-8 text (U+00C0..U+00FF) to plain ASCII for
   search keys and file names: "Crème brûlée, Straße" -> "Creme brulee, Strasse".
   Æ/æ become AE/ae, ß ss, Þ/þ TH/th, × x, ÷ /; everything else (ASCII and other characters)
   is copied unchanged. Input must be UTF-8 (-1 otherwise). The output is never longer than
   the input (2-byte letters become 1 or 2 ASCII bytes), so the input length is a safe
   capacity. Two passes, no heap, no imports. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "ascii-fold v1.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010100; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* U+00C0..U+00FF */
static const char *const FOLD[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Length of the UTF-8 sequence at in[i], or 0 when it is not valid UTF-8. */
static size_t seq_len(const uint8_t *in, size_t i, size_t n) {
    uint8_t c = in[i];
    if (c < 0x80) return 1;
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 0;
    if (n - i < len) return 0;
    if (in[i + 1] < lo || in[i + 1] > hi) return 0;
    for (size_t k = 2; k < len; k++)
        if ((in[i + k] & 0xC0) != 0x80) return 0;
    return len;
}

static long fold(const uint8_t *in, size_t n, uint8_t *out) {
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = seq_len(in, i, n);
        if (len == 0) return -1;
        if (len == 2 && in[i] == 0xC3) {
            const char *f = FOLD[in[i + 1] - 0x80];
            for (; *f; f++) { if (out) out[o] = (uint8_t)*f; o++; }
        } else {
            for (size_t k = 0; k < len; k++) { if (out) out[o] = in[i + k]; o++; }
        }
        i += len;
    }
    return (long)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint32_t cap = get_u32(cell);
    uintptr_t a = (uintptr_t)in, b = (uintptr_t)out;

    /* We read the input while writing the output: refuse buffers that share bytes. */
    if (n > 0 && cap > 0 && b <= a + n && a <= b + cap) return -1;

    long need = fold(in, n, NULL);
    if (need < 0) return -1;
    if ((unsigned long)need > cap) { put_u32(cell, (uint32_t)need); return -3; }
    fold(in, n, out);
    put_u32(cell, (uint32_t)need);
    return 0;
}
