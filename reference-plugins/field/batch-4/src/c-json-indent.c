// json-indent: pretty-prints a JSON text with two-space indentation, one member or element per
// line, empty containers kept as {} / []. Whitespace outside strings is dropped, strings and
// scalars are copied as they are. Unbalanced brackets, an unterminated string or empty input: -1.
#include <stddef.h>
#include <stdint.h>

#define MAX_DEPTH 32

static const char PLUGIN_INFO[] = "json-indent v1.0.2";

// Printer state: the open containers and the indent width (configurable at build time).
static struct {
    unsigned char open[MAX_DEPTH];
    unsigned char indent_unit;
} st = { .indent_unit = 2 };

static size_t o, cap;
static uint8_t *out;

static void put(uint8_t c) { if (o < cap) out[o] = c; o++; }
static void newline(size_t depth) {
    put('\n');
    for (size_t i = 0; i < depth * st.indent_unit; i++) put(' ');
}
static int is_ws(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_struct(uint8_t c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':' || c == '"'; }

int32_t process(const uint8_t *in, size_t n, uint8_t *output, size_t *output_len) {
    size_t depth = 0, i = 0;
    int any = 0;
    out = output; cap = *output_len; o = 0;
    while (i < n) {
        uint8_t c = in[i];
        if (is_ws(c)) { i++; continue; }
        any = 1;
        if (c == '{' || c == '[') {
            if (depth > MAX_DEPTH) return -1;           // too deep
            st.open[depth++] = c;
            put(c); i++;
            size_t j = i;
            while (j < n && is_ws(in[j])) j++;
            if (j < n && in[j] == (c == '{' ? '}' : ']')) { put(in[j]); depth--; i = j + 1; continue; }
            newline(depth);
        } else if (c == '}' || c == ']') {
            if (depth == 0 || st.open[depth - 1] != (c == '}' ? '{' : '[')) return -1;
            depth--;
            newline(depth);
            put(c); i++;
        } else if (c == ',') {
            if (depth == 0) return -1;
            put(','); newline(depth); i++;
        } else if (c == ':') {
            put(':'); put(' '); i++;
        } else if (c == '"') {
            put('"'); i++;
            for (;;) {
                if (i >= n) return -1;
                uint8_t d = in[i++];
                put(d);
                if (d == '\\') { if (i >= n) return -1; put(in[i++]); }
                else if (d == '"') break;
            }
        } else {
            while (i < n && !is_ws(in[i]) && !is_struct(in[i])) put(in[i++]);
        }
    }
    if (!any || depth != 0) return -1;
    put('\n');
    if (o > cap) { *output_len = o; return -3; }
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010002; }
