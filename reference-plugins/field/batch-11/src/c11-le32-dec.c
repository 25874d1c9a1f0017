/* le32-dec: a stream of little-endian u32 values as decimal lines, for dumping binary
   counters and offsets:
     hex:2a000000ffffffff00000000 -> "42\n4294967295\n0\n", "" -> "".
   The input length must be a multiple of 4 (else -1). The output is the digits of every
   value plus one LF each; -3 names exactly that size.
   Unusual but legal, per ABI.md:
    - the capacity past what has been written is used as scratch: each value's digits are
      produced backwards into the next 10 bytes of the output buffer when the capacity has
      room for them, and then moved to their place (bytes past *output_len are the plugin's
      scratch and never read); near the end of a tight buffer a stack buffer is used;
    - init() builds the two-digit table ("00".."99") the formatter uses; process builds it
      itself if a host never called init, so the result does not depend on it;
    - every call logs one short summary line through env.host_log (< 80 bytes).
   No heap, no other imports. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

__attribute__((import_module("env"), import_name("host_log")))
void host_log(const char *ptr, size_t len);

static const char PLUGIN_INFO[] = "le32-dec v1.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010100; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static char pairs[200];
static int pairs_ready;

static void build_pairs(void) {
    for (int i = 0; i < 100; i++) {
        pairs[2 * i] = (char)('0' + i / 10);
        pairs[2 * i + 1] = (char)('0' + i % 10);
    }
    pairs_ready = 1;
}

int32_t init(void) {
    build_pairs();
    return 0;
}

void cleanup(void) {}

static uint32_t digits(uint32_t v) {
    uint32_t d = 1;
    while (v >= 10) { v /= 10; d++; }
    return d;
}

/* writes the digits of v so that they end just before end; returns the first one */
static uint8_t *format_back(uint8_t *end, uint32_t v) {
    while (v >= 100) {
        uint32_t r = v % 100;
        v /= 100;
        end -= 2;
        end[0] = (uint8_t)pairs[2 * r];
        end[1] = (uint8_t)pairs[2 * r + 1];
    }
    if (v >= 10) {
        end -= 2;
        end[0] = (uint8_t)pairs[2 * v];
        end[1] = (uint8_t)pairs[2 * v + 1];
    } else {
        *--end = (uint8_t)('0' + v);
    }
    return end;
}

static size_t put_str(char *d, size_t k, const char *s) {
    while (*s) d[k++] = *s++;
    return k;
}
static size_t put_dec(char *d, size_t k, uint32_t v) {
    char tmp[10];
    int t = 0;
    do { tmp[t++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (t) d[k++] = tmp[--t];
    return k;
}

static void summary(uint32_t values, uint32_t bytes, int32_t rc) {
    char line[80];
    size_t k = put_str(line, 0, "le32-dec: ");
    k = put_dec(line, k, values);
    k = put_str(line, k, " values, ");
    k = put_dec(line, k, bytes);
    k = put_str(line, k, rc == 0 ? " bytes written" : " bytes needed");
    host_log(line, k);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    if (n % 4 != 0) {
        host_log("le32-dec: input length is not a multiple of 4", 45);
        return -1;
    }
    if (!pairs_ready) build_pairs();
    uint32_t values = (uint32_t)(n / 4);
    uint64_t need = 0;
    for (size_t i = 0; i < n; i += 4) need += digits(get_u32(in + i)) + 1;
    if (need > 0xFFFFFFFFu) return -1;
    uint32_t cap = get_u32(cell);
    if (need > cap) {
        put_u32(cell, (uint32_t)need);
        summary(values, (uint32_t)need, -3);
        return -3;
    }

    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        uint32_t v = get_u32(in + i);
        uint8_t *first;
        size_t len;
        if (cap - o >= 10) {
            /* scratch: the 10 bytes of the buffer from o on */
            first = format_back(out + o + 10, v);
            len = (size_t)(out + o + 10 - first);
            memmove(out + o, first, len);
        } else {
            uint8_t tmp[10];
            first = format_back(tmp + 10, v);
            len = (size_t)(tmp + 10 - first);
            memcpy(out + o, first, len);
        }
        o += len;
        out[o++] = '\n';
    }
    put_u32(cell, (uint32_t)o);
    summary(values, (uint32_t)o, 0);
    return 0;
}
