/* first-line: outputs the input's first line, without its "\n" (or "\r\n").
   Input without a newline is output whole; the empty input gives the empty output. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
const char *plugin_info(void) { return "first-line v1.0.0"; }
uint32_t plugin_version(void) { return 0x010000; }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n == 0) { *out_len = 0; return 0; }
    const char *nl = strchr((const char *)in, '\n');
    size_t len = nl ? (size_t)(nl - (const char *)in) : n;
    if (len > 0 && in[len - 1] == '\r') len--;
    if (len > *out_len) { *out_len = (uint32_t)len; return -3; }
    memcpy(out, in, len);
    *out_len = (uint32_t)len;
    return 0;
}
