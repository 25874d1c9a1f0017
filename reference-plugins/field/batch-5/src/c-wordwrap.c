// wordwrap: re-flows every line to at most 72 columns by turning the last space before the limit
// into a line break, like `fold -s -w 72` (lines are never joined). A break replaces a space, so
// the output is exactly as long as the input. Columns are bytes; any bytes are accepted.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "wordwrap v0.4.0";
#define WIDTH 72

const char *plugin_info(void) { return PLUGIN_INFO; }

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    if (n > *out_len) {
        *out_len = n;
        return -3;
    }
    memcpy(out, in, n);
    size_t start = 0;
    while (start < n) {
        size_t end = start;
        while (end < n && out[end] != '\n') end++;
        if (end - start <= WIDTH) {       // fits: next line
            start = end + 1;
            continue;
        }
        size_t b = start + WIDTH;          // last column that may hold the break
        while (b > start && out[b] != ' ') b--;
        if (out[b] == ' ') {
            out[b] = '\n';
            start = b + 1;
        }
        // no space in reach: a word longer than the width stays on its own line
    }
    *out_len = n;
    return 0;
}
