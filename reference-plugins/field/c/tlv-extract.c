/*
 * tlv-extract: pulls the text records out of a type-length-value stream.
 *
 * Input: records of [type: u8][length: u16 big-endian][payload: length bytes], back to back.
 * Output: the payloads of the text records (type 0x01), concatenated; other record types
 * are skipped. A stream that ends inside a record header is -1.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char INFO[] = "tlv-extract v0.1.0";

#define TYPE_TEXT 0x01

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;

    /* pass 1: validate the headers and add up the text payloads */
    size_t needed = 0;
    size_t p = 0;
    while (p < input_len) {
        if (input_len - p < 3) return -1;
        unsigned type = input[p];
        size_t len = (size_t)input[p + 1] << 8 | input[p + 2];
        p += 3;
        if (type == TYPE_TEXT) needed += len;
        p += len;
    }
    if (needed > *output_len) {
        *output_len = needed;
        return -3;
    }

    /* pass 2: copy */
    size_t o = 0;
    p = 0;
    while (p < input_len) {
        unsigned type = input[p];
        size_t len = (size_t)input[p + 1] << 8 | input[p + 2];
        p += 3;
        if (type == TYPE_TEXT) {
            memcpy(output + o, input + p, len);
            o += len;
        }
        p += len;
    }
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return INFO; }
