/*
 * caesar: the Caesar shift, three places forward, for ASCII letters and digits:
 * "abc xyz 789" -> "def abc 012". Every other byte is copied unchanged.
 */
#include <stddef.h>
#include <stdint.h>

#define SHIFT 3

static const char PLUGIN_INFO[13] = "caesar v1.2.0";

const char *plugin_info(void) { return PLUGIN_INFO; }

uint32_t plugin_version(void) { return 1u << 16 | 2u << 8; }

static const char DIGITS[10] = "0123456789";
static const char LOWER[26] = "abcdefghijklmnopqrstuvwxyz";
static const char UPPER[26] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static unsigned char shift(unsigned char c) {
    if (c >= '0' && c <= '9') return (unsigned char)DIGITS[(c - '0' + SHIFT) % 10];
    if (c >= 'a' && c <= 'z') return (unsigned char)LOWER[(c - 'a' + SHIFT) % 26];
    if (c >= 'A' && c <= 'Z') return (unsigned char)UPPER[(c - 'A' + SHIFT) % 26];
    return c;
}

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    if (input_len > *output_len) {
        *output_len = input_len;
        return -3;
    }
    for (size_t i = 0; i < input_len; i++) output[i] = shift(input[i]);
    *output_len = input_len;
    return 0;
}
