/*
 * html-escape: escapes text for HTML: & < > " ' become &amp; &lt; &gt; &quot; &#39;.
 * Every other byte is copied as is. The output can be up to six times the input.
 *
 * Two static tables drive it: the output size of each byte value, and its replacement.
 * The size pass only adds up table entries, so -3 always reports the exact size.
 */
#include <stddef.h>
#include <stdint.h>

static const char INFO[] = "html-escape v1.0.0";

/* OUT_LEN[b]: how many bytes byte b becomes. */
static const uint8_t OUT_LEN[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x10 */
    1, 1, 6, 1, 1, 1, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 1, 4, 1,  /* 0x30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x50 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0xA0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0xB0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0xC0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0xD0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0xE0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0xF0 */
};

static const char *const REPLACEMENT[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;",
};

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    size_t needed = 0;
    for (size_t i = 0; i < input_len; i++) {
        if (__builtin_add_overflow(needed, OUT_LEN[input[i]], &needed)) return -1;
    }
    if (needed > *output_len) {
        *output_len = needed;
        return -3;
    }
    size_t o = 0;
    for (size_t i = 0; i < input_len; i++) {
        unsigned char c = input[i];
        const char *rep = REPLACEMENT[c];
        if (rep) {
            for (size_t k = 0; k < OUT_LEN[c]; k++) output[o++] = (unsigned char)rep[k];
        } else {
            output[o++] = c;
        }
    }
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return INFO; }
