/* mail-quote: quotes text the way mail clients quote a reply, one level deeper per pass:
   every line gets "> " in front, and a line that is already quoted (starts with '>') gets
   only ">" so that nested quotes stay compact:
     "hi\n> old\n" -> "> hi\n>> old\n"
   Line breaks are kept as they are (LF; a CR before it stays part of the line), a last line
   without LF gets none. The empty input gives the empty output. Any bytes are accepted.
   Output is n + 2 bytes per plain line + 1 per quoted line. No heap, no imports. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "mail-quote v1.3.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010300; }

/* bytes of prefix for the line starting at in[i] */
static int prefix_len(const char *in, int n, int i) {
    return (i < n && in[i] == '>') ? 1 : 2;
}

static int measure(const char *in, int n) {
    int need = 0;
    int at_start = 1;
    for (int i = 0; i < n; i++) {
        if (at_start) { need += prefix_len(in, n, i); at_start = 0; }
        need++;
        if (in[i] == '\n') at_start = 1;
    }
    return need;
}

int process(const char *in, int n, char *out, int *out_len) {
    if (n < 0 || n > 0x2AAAAAA9) return -1;   /* need is at most 3n: keep it in range */
    int need = measure(in, n);
    int cap = *out_len;
    if (need > cap) {
        *out_len = need;
        return -3;
    }
    int o = 0;
    int at_start = 1;
    for (int i = 0; i < n; i++) {
        if (at_start) {
            if (in[i] == '>') {
                out[o++] = '>';
            } else {
                out[o++] = '>';
                out[o++] = ' ';
            }
            at_start = 0;
        }
        out[o++] = in[i];
        if (in[i] == '\n') at_start = 1;
    }
    *out_len = o;
    return 0;
}
