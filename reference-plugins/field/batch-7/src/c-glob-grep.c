/* glob-grep: the first line of the input is a shell-style pattern, every other line is a
   candidate; writes the candidates that the pattern matches as a whole, each with '\n', like
   `grep -x` with a glob instead of a regex. In the pattern, '*' matches any run of bytes
   (also none), '?' exactly one byte, '\' makes the next byte literal; everything else
   matches itself. A CR before a LF is not part of a line. Input with no LF is a pattern and
   no candidates: the empty output. Any bytes are accepted.
   "*.log\napp.log\napp.txt\nx.log\n" -> "app.log\nx.log\n".
   No heap: one pass matches every line to size the output, a second writes it. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "glob-grep v1.0.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010000; }

static int glob_match(const uint8_t *p, size_t pn, const uint8_t *s, size_t sn) {
    while (pn > 0) {
        if (*p == '*') {
            p++; pn--;
            if (pn == 0) return 1;          /* a trailing '*' matches the rest */
            for (size_t k = 0; k <= sn; k++)
                if (glob_match(p, pn, s + k, sn - k)) return 1;
            return 0;
        }
        if (sn == 0) return 0;
        if (*p == '?') { p++; pn--; s++; sn--; continue; }
        if (*p == '\\' && pn > 1) { p++; pn--; }
        if (*p != *s) return 0;
        p++; pn--; s++; sn--;
    }
    return sn == 0;
}

/* The line starting at i: [i, *end) without its line break; returns where the next starts. */
static size_t next_line(const uint8_t *in, size_t n, size_t i, size_t *end) {
    size_t e = i;
    while (e < n && in[e] != '\n') e++;
    size_t next = e < n ? e + 1 : e;
    if (e > i && in[e - 1] == '\r') e--;
    *end = e;
    return next;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    if (n == 0) { *out_len = 0; return 0; }
    size_t pend;
    size_t start = next_line(in, n, 0, &pend);
    if (start == pend || in[start - 1] != '\n') { *out_len = 0; return 0; }   /* no candidates */
    const uint8_t *pat = in;
    size_t pn = pend;

    size_t need = 0;
    for (size_t i = start; i < n;) {
        size_t e;
        size_t next = next_line(in, n, i, &e);
        if (glob_match(pat, pn, in + i, e - i)) need += e - i + 1;
        i = next;
    }
    if (need > *out_len) { *out_len = (uint32_t)need; return -3; }

    size_t o = 0;
    for (size_t i = start; i < n;) {
        size_t e;
        size_t next = next_line(in, n, i, &e);
        if (glob_match(pat, pn, in + i, e - i)) {
            memcpy(out + o, in + i, e - i);
            o += e - i;
            out[o++] = '\n';
        }
        i = next;
    }
    *out_len = (uint32_t)o;
    return 0;
}
