// csv-quote: rewrites simple CSV so every field is quoted (RFC 4180 style): a,b"c -> "a","b""c".
// Input fields are split on commas only (no quoting on input); LF and CRLF line ends are kept as
// they are. Any bytes are accepted. The version is kept in one place and both plugin_info and
// plugin_version are derived from it.
#include <stddef.h>
#include <stdint.h>

#define VER_MAJOR 1
#define VER_MINOR 2
#define VER_PATCH 1
#define XSTR(x) #x
#define STR(x) XSTR(x)

static const char PLUGIN_INFO[] = "csv-quote v" STR(VER_MAJOR) "." STR(VER_MINOR) "." STR(VER_PATCH);
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return VER_MAJOR << 16 | VER_MINOR << 8 + VER_PATCH; }

static int is_eol(const uint8_t *in, size_t i, size_t n) {
    return in[i] == '\n' || (in[i] == '\r' && i + 1 < n && in[i + 1] == '\n');
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    // measure: every field gets two quotes, every quote inside is doubled
    size_t need = 0, i;
    int in_field = 0;
    for (i = 0; i < n; i++) {
        if (!in_field && !is_eol(in, i, n)) { need += 1; in_field = 1; }
        if (in[i] == ',') { need += 3; continue; }          // "," then the opening quote
        if (is_eol(in, i, n)) { if (in_field) need += 1; in_field = 0; need += in[i] == '\r' ? 2 : 1; if (in[i] == '\r') i++; continue; }
        need += in[i] == '"' ? 2 : 1;
    }
    if (in_field) need += 1;
    if (need > *out_len) { *out_len = need; return -3; }
    size_t o = 0;
    in_field = 0;
    for (i = 0; i < n; i++) {
        if (!in_field && !is_eol(in, i, n)) { out[o++] = '"'; in_field = 1; }
        if (in[i] == ',') { out[o++] = '"'; out[o++] = ','; out[o++] = '"'; continue; }
        if (is_eol(in, i, n)) {
            if (in_field) out[o++] = '"';
            in_field = 0;
            if (in[i] == '\r') out[o++] = in[i++];
            out[o++] = in[i];
            continue;
        }
        if (in[i] == '"') out[o++] = '"';
        out[o++] = in[i];
    }
    if (in_field) out[o++] = '"';
    *out_len = o;
    return 0;
}
