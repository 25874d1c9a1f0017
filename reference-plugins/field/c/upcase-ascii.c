/* upcase-ascii: uppercases ASCII letters a-z; all other bytes pass through unchanged. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char INFO[] = "upcase-ascii v2.0.0";

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    if (input_len > *output_len) {
        *output_len = input_len;
        return -3;
    }
    /* normalise in place, then hand the result over in one copy */
    unsigned char *text = (unsigned char *)input;
    for (size_t i = 0; i < input_len; i++) {
        if (text[i] < 0x80) text[i] = (unsigned char)toupper(text[i]);
    }
    if (input_len) memcpy(output, text, input_len);
    *output_len = input_len;
    return 0;
}

const char *plugin_info(void) { return INFO; }
