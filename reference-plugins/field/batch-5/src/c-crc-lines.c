// crc-lines: writes the CRC-32 (IEEE) of every line as 8 lowercase hex digits and LF, so a
// short line grows to 9 bytes; line ends are LF, a trailing line without one counts, an empty
// input has no lines. Exports init (builds the table and logs that it did) and cleanup (logs
// how many calls it served); each call logs one short line with its line count. If the host
// never calls init, process builds the table itself.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

__attribute__((import_module("env"), import_name("host_log"))) void host_log(const char *ptr, size_t len);

static const char PLUGIN_INFO[] = "crc-lines v0.2.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x000200; }

static uint32_t crc_table[256];
static int ready;
static uint32_t calls;

static void build(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    ready = 1;
}

static void log_num(const char *prefix, uint32_t v) {
    char msg[64];
    size_t p = strlen(prefix);
    memcpy(msg, prefix, p);
    char d[12]; int l = 0;
    do { d[l++] = '0' + v % 10; v /= 10; } while (v);
    while (l) msg[p++] = d[--l];
    host_log(msg, p);
}

int32_t init(void) {
    build();
    static const char m[] = "crc-lines: table ready";
    host_log(m, sizeof m - 1);
    return 0;
}

void cleanup(void) { log_num("crc-lines: calls served: ", calls); }

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    if (!ready) build();
    calls++;
    size_t lines = 0;
    for (size_t i = 0; i < n; i++) if (in[i] == '\n') lines++;
    if (n && in[n - 1] != '\n') lines++;
    size_t need = lines * 9;
    log_num("crc-lines: lines: ", (uint32_t)lines);
    if (need > *out_len) { *out_len = need; return -3; }
    static const char hx[] = "0123456789abcdef";
    size_t o = 0, i = 0;
    while (i < n) {
        uint32_t c = 0xFFFFFFFFu;
        while (i < n && in[i] != '\n') c = crc_table[(c ^ in[i++]) & 0xFF] ^ (c >> 8);
        if (i < n) i++;
        c ^= 0xFFFFFFFFu;
        for (int k = 7; k >= 0; k--) { out[o + k] = hx[c & 15]; c >>= 4; }
        o += 8;
        out[o++] = '\n';
    }
    *out_len = o;
    return 0;
}
