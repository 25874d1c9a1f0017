// tab-expand: replaces each TAB with spaces up to the next tab stop (every 8 columns), like
// expand(1). The column starts over after LF and after a bare CR (a CR returns the carriage, so
// "ab\r\tc" puts the tab at column 0 again). Every other byte takes one column; any bytes are
// accepted. Two passes: the first measures the output, the second writes it.
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "tab-expand v1.0.2";
#define TABSTOP 8

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return (1u << 16) | (0u << 8) | 2u; }

static size_t measure(const uint8_t *in, size_t n) {
    size_t out = 0, col = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == '\t') {
            size_t sp = TABSTOP - col % TABSTOP;
            out += sp;
            col += sp;
        } else if (c == '\n') {
            out++;
            col = 0;
        } else {
            out++;
            col++;
        }
    }
    return out;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    size_t need = measure(in, n);
    if (need > *out_len) {
        *out_len = need;
        return -3;
    }
    size_t o = 0, col = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == '\t') {
            size_t sp = TABSTOP - col % TABSTOP;
            while (sp--) {
                out[o++] = ' ';
                col++;
            }
        } else {
            out[o++] = c;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    *out_len = o;
    return 0;
}
