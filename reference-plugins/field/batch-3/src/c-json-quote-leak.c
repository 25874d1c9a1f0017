/* json-quote: wraps the input as one JSON string literal ("a\"b" -> "\"a\\\"b\""), escaping
   quotes, backslashes and control characters; the input must be UTF-8-ish bytes, passed through.
   The literal is built in a worst-case heap buffer (6n+2), then copied out. */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
const char *plugin_info(void) { return "json-quote v1.0.0"; }
void *alloc(size_t size) { return malloc(size ? size : 1); }
void dealloc(void *p, size_t size) { (void)size; free(p); }
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    static const char H[] = "0123456789abcdef";
    uint8_t *buf = malloc(n * 6 + 2);
    if (!buf) return -2;
    size_t o = 0;
    buf[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        if (c == '"' || c == '\\') { buf[o++] = '\\'; buf[o++] = c; }
        else if (c == '\n') { buf[o++] = '\\'; buf[o++] = 'n'; }
        else if (c == '\t') { buf[o++] = '\\'; buf[o++] = 't'; }
        else if (c == '\r') { buf[o++] = '\\'; buf[o++] = 'r'; }
        else if (c < 0x20) { buf[o++] = '\\'; buf[o++] = 'u'; buf[o++] = '0'; buf[o++] = '0'; buf[o++] = H[c >> 4]; buf[o++] = H[c & 15]; }
        else buf[o++] = c;
    }
    buf[o++] = '"';
    if (o > *out_len) { *out_len = (uint32_t)o; return -3; }
    memcpy(out, buf, o);
    free(buf);
    *out_len = (uint32_t)o;
    return 0;
}
