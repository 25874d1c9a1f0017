/* reverse-bytes: writes the input bytes in reverse order (e.g. to flip endianness). */
#include <stddef.h>
#include <stdint.h>

static const char INFO[] = "reverse-bytes v1.0.0";

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    if (input_len > *output_len) {
        *output_len = input_len;
        return -3;
    }
    size_t n = input_len;
    for (size_t i = 0; i <= n; i++) {
        output[n - 1 - i] = input[i];
    }
    *output_len = n;
    return 0;
}

const char *plugin_info(void) { return INFO; }
