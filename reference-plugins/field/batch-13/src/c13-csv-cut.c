/* c13-csv-cut: the first column of a CSV file (RFC 4180), one value per line.
 *
 * Records end at LF or CRLF; a quoted field may hold commas, CR, LF and "" (written as
 * one quote); quotes are removed. An unterminated quote, a quote inside an unquoted
 * first field or text after a closing quote of the first field is -1 (the other fields
 * are only scanned for the end of the record). The empty input gives the empty output. -3 stores the exact size.
 * No heap; imports env.host_log: each call logs the row count and a short preview of
 * the output (printable ASCII, line ends shown as |, other bytes as .), which is what
 * you want to see when a pipeline stage goes wrong.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

__attribute__((import_module("env"), import_name("host_log")))
void host_log(const char *ptr, size_t len);

#define PREVIEW 48

static char msg[128];

static size_t put_num(char *p, size_t v) {
    char tmp[20]; size_t k = 0;
    do { tmp[k++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (size_t i = 0; i < k; i++) p[i] = tmp[k - 1 - i];
    return k;
}

static void log_preview(size_t rows, const uint8_t *out, size_t len) {
    size_t m = 0;
    memcpy(msg + m, "csv-cut: ", 9); m += 9;
    m += put_num(msg + m, rows);
    memcpy(msg + m, " rows, ", 7); m += 7;
    m += put_num(msg + m, len);
    memcpy(msg + m, " bytes: ", 8); m += 8;
    size_t p = len < PREVIEW ? len : PREVIEW;
    for (size_t i = 0; i < p; i++) { /* printable ASCII only, so the log stays valid UTF-8 */
        uint8_t c = out[i];
        msg[m++] = c == '\n' ? '|' : (c >= 0x20 && c < 0x7F) ? (char)c : '.';
    }
    host_log(msg, m);
}

int process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    size_t cap = *out_len;
    size_t i = 0, o = 0, rows = 0;
#define PUT(c) do { if (o < cap) out[o] = (uint8_t)(c); o++; } while (0)
    while (i < n) {
        /* first field */
        if (in[i] == '"') {
            i++;
            for (;;) {
                if (i >= n) return -1;
                if (in[i] == '"') {
                    if (i + 1 < n && in[i + 1] == '"') { PUT('"'); i += 2; continue; }
                    i++;
                    break;
                }
                PUT(in[i]); i++;
            }
            if (i < n && in[i] != ',' && in[i] != '\n' && !(in[i] == '\r' && i + 1 < n && in[i + 1] == '\n'))
                return -1;
        } else {
            while (i < n && in[i] != ',' && in[i] != '\n') {
                if (in[i] == '"') return -1;
                if (in[i] == '\r' && i + 1 < n && in[i + 1] == '\n') break;
                PUT(in[i]); i++;
            }
        }
        PUT('\n');
        rows++;
        /* rest of the record */
        int quoted = 0;
        while (i < n) {
            uint8_t c = in[i];
            if (quoted) { if (c == '"') quoted = 0; i++; continue; }
            if (c == '"') { quoted = 1; i++; continue; }
            if (c == '\n') { i++; break; }
            i++;
        }
        if (quoted) return -1;
    }
#undef PUT
    *out_len = o;
    log_preview(rows, out, o);
    return o > cap ? -3 : 0;
}

const char *plugin_info(void) { return "c13-csv-cut v2.0.1"; }
