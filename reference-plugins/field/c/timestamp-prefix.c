/*
 * timestamp-prefix: stamps a record with the time it went through the pipeline.
 *
 * Output: "ts=" + 16 lowercase hex digits of CLOCK_REALTIME in nanoseconds + "\n", then the
 * input unchanged. The header is always 20 bytes.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

static const char INFO[] = "timestamp-prefix v0.1.0";
static const char HEX[] = "0123456789abcdef";

#define HEADER_LEN 20

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    if (input_len > SIZE_MAX - HEADER_LEN) return -1;
    size_t needed = HEADER_LEN + input_len;
    if (needed > *output_len) {
        *output_len = needed;
        return -3;
    }
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return -99;
    uint64_t ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;

    memcpy(output, "ts=", 3);
    for (int i = 0; i < 16; i++) output[3 + i] = (unsigned char)HEX[(ns >> (60 - 4 * i)) & 0xf];
    output[19] = '\n';
    if (input_len) memcpy(output + HEADER_LEN, input, input_len);
    *output_len = needed;
    return 0;
}

const char *plugin_info(void) { return INFO; }
