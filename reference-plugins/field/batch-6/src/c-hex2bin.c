/* hex2bin: decodes hexadecimal text to bytes, like `xxd -r -p`: digits in either case, ASCII
   whitespace anywhere (also between the two digits of a byte) is ignored, so
   "48 65\n6C 6c 6f" -> "Hello". An odd number of digits or any other byte is -1; no digits
   gives the empty output. On -3, *output_len is the exact byte count.

   Unusual on purpose (all allowed by the ABI):
   - it decodes 8 bytes at a time with one 64-bit store whenever 8 bytes of capacity are left,
     so bytes past *output_len (but inside the capacity) are used as scratch;
   - each call logs one line through host_log with the time the call took (clock_gettime);
     the output never depends on the clock;
   - plugin_info carries a pre-release and build tag ("v2.0.0-rc.1+build.7"), and
     plugin_version is 2.0.0;
   - it exports one function the ABI does not name, max_output(len). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

__attribute__((import_module("env"), import_name("host_log"))) void host_log(const char *ptr, size_t len);

static const char PLUGIN_INFO[] = "hex2bin v2.0.0-rc.1+build.7";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020000; }

__attribute__((export_name("max_output"))) uint32_t max_output(uint32_t len) { return len / 2; }

static int8_t val[256];
static int ready;

static void build(void) {
    memset(val, -1, sizeof val);
    for (int c = 0; c < 10; c++) val['0' + c] = (int8_t)c;
    for (int c = 0; c < 6; c++) { val['a' + c] = (int8_t)(10 + c); val['A' + c] = (int8_t)(10 + c); }
    val[' '] = val['\t'] = val['\n'] = val['\r'] = val['\v'] = val['\f'] = -2;
    ready = 1;
}

static uint64_t now_ns(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void log_call(size_t n, size_t written, int32_t rc, uint64_t ns) {
    char msg[96];
    size_t p = 0;
    const char *head = "hex2bin: in=";
    memcpy(msg, head, strlen(head)); p = strlen(head);
    uint64_t vals[3] = { n, written, ns / 1000 };
    const char *labels[3] = { " out=", " us=", "" };
    for (int k = 0; k < 3; k++) {
        char d[24]; int l = 0; uint64_t v = vals[k];
        do { d[l++] = (char)('0' + v % 10); v /= 10; } while (v);
        while (l) msg[p++] = d[--l];
        size_t ll = strlen(labels[k]);
        memcpy(msg + p, labels[k], ll); p += ll;
    }
    memcpy(msg + p, " rc=", 4); p += 4;
    if (rc < 0) { msg[p++] = '-'; rc = -rc; }
    msg[p++] = (char)('0' + rc);
    host_log(msg, p);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    uint64_t t0 = now_ns();
    if (!ready) build();
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        int8_t v = val[in[i]];
        if (v == -1) { log_call(n, 0, -1, now_ns() - t0); return -1; }
        if (v >= 0) digits++;
    }
    if (digits & 1) { log_call(n, 0, -1, now_ns() - t0); return -1; }
    size_t need = digits / 2;
    size_t cap = *out_len;
    if (need > cap) {
        *out_len = (uint32_t)need;
        log_call(n, 0, -3, now_ns() - t0);
        return -3;
    }
    size_t o = 0, i = 0;
    uint64_t word = 0;
    int have = 0;           /* bytes collected in word */
    int hi = -1;
    for (; i < n; i++) {
        int8_t v = val[in[i]];
        if (v < 0) continue;
        if (hi < 0) { hi = v; continue; }
        word |= (uint64_t)(uint8_t)((hi << 4) | v) << (8 * have);
        hi = -1;
        if (++have == 8) {
            memcpy(out + o, &word, 8);   /* one 64-bit store */
            o += 8; word = 0; have = 0;
        }
    }
    if (have) {
        if (cap - o >= 8) memcpy(out + o, &word, 8);   /* scratch past the end: inside capacity */
        else for (int k = 0; k < have; k++) out[o + k] = (uint8_t)(word >> (8 * k));
        o += (size_t)have;
    }
    *out_len = (uint32_t)o;
    log_call(n, o, 0, now_ns() - t0);
    return 0;
}
