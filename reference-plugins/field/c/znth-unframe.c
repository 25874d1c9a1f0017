/*
 * znth-unframe: unwraps one Zenith frame.
 *
 * Accepted input, and nothing else:
 *
 *   "ZNTH" | payload length: u32 little-endian | payload (exactly that many bytes)
 *
 * The output is the payload. A missing or wrong magic, a short header, a length that does
 * not match the bytes that follow, or anything after the payload is -1 (InvalidInput).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char INFO[] = "znth-unframe v1.0.0";

#define HEADER_LEN 8

static uint32_t load_le32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void store_le32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                unsigned char *output_len) {
    if (output_len == NULL) return -1;
    if (input_len < HEADER_LEN) return -1;
    if (input[0] != 'Z' || input[1] != 'N' || input[2] != 'T' || input[3] != 'H') return -1;
    uint32_t payload_len = load_le32(input + 4);
    if (payload_len != input_len - HEADER_LEN) return -1;

    uint32_t capacity = load_le32(output_len);
    if (payload_len > capacity) {
        store_le32(output_len, payload_len);
        return -3;
    }
    if (payload_len > 0) memcpy(output, input + HEADER_LEN, payload_len);
    store_le32(output_len, payload_len);
    return 0;
}

const char *plugin_info(void) { return INFO; }

uint32_t plugin_version(void) { return 1u << 16; }
