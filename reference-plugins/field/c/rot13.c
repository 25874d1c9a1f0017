/* rot13: rotates ASCII letters by 13 places; every other byte is copied unchanged. */
#include <stddef.h>
#include <stdint.h>

static const char INFO[] = "rot13 v1.0.1";

static unsigned char rot(unsigned char c) {
    if (c >= 'a' && c <= 'z') return (unsigned char)('a' + (c - 'a' + 13) % 26);
    if (c >= 'A' && c <= 'Z') return (unsigned char)('A' + (c - 'A' + 13) % 26);
    return c;
}

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    if (*output_len <= input_len && input_len > 0) {
        *output_len = input_len;
        return -3;
    }
    for (size_t i = 0; i < input_len; i++) output[i] = rot(input[i]);
    *output_len = input_len;
    return 0;
}

const char *plugin_info(void) { return INFO; }

uint32_t plugin_version(void) { return 1u << 16 | 0u << 8 | 1u; }
