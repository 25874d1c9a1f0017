/* morse: text to International Morse code. The input is lines of words of ASCII letters and
   digits, words separated by exactly one space; letters are case-insensitive. Every
   character becomes its code of dots and dashes, characters of a word are separated by one
   space and words by " / ": "SOS help" -> "... --- ... / .... . .-.. .--.". Line breaks (LF
   only) are kept as they are, empty lines included. Anything else (other bytes, CR, leading,
   trailing or double spaces) is -1. The output is up to 6 times the input.
   Lifecycle: init() expands the code table from its packed form into a static table (and
   returns 0); cleanup() wipes it. process() also builds it itself when init was not called,
   so it works either way. No heap: a validating/sizing pass, then a writing pass. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "morse v2.0.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020001; }

/* Packed codes for A..Z then 0..9: the low 3 bits are the length, the bits above it the
   symbols, first symbol lowest, 1 = dash. */
#define P(len, bits) (uint8_t)((bits) << 3 | (len))
static const uint8_t PACKED[36] = {
    P(2, 0x2), P(4, 0x1), P(4, 0x5), P(3, 0x1), P(1, 0x0), P(4, 0x4), P(3, 0x3), P(4, 0x0),
    P(2, 0x0), P(4, 0xE), P(3, 0x5), P(4, 0x2), P(2, 0x3), P(2, 0x1), P(3, 0x7), P(4, 0x6),
    P(4, 0xB), P(3, 0x2), P(3, 0x0), P(1, 0x1), P(3, 0x4), P(4, 0x8), P(3, 0x6), P(4, 0x9),
    P(4, 0xD), P(4, 0x3),
    /* 0..9 */
    P(5, 0x1F), P(5, 0x1E), P(5, 0x1C), P(5, 0x18), P(5, 0x10), P(5, 0x00), P(5, 0x01),
    P(5, 0x03), P(5, 0x07), P(5, 0x0F),
};

static char table[36][6]; /* NUL-padded codes */
static uint8_t table_len[36];
static int ready;

static void build(void) {
    for (int k = 0; k < 36; k++) {
        unsigned len = PACKED[k] & 7, bits = PACKED[k] >> 3;
        for (unsigned j = 0; j < 6; j++) table[k][j] = 0;
        for (unsigned j = 0; j < len; j++) table[k][j] = (bits >> j) & 1 ? '-' : '.';
        table_len[k] = (uint8_t)len;
    }
    ready = 1;
}

int32_t init(void) {
    build();
    return 0;
}

void cleanup(void) {
    for (int k = 0; k < 36; k++) {
        for (int j = 0; j < 6; j++) table[k][j] = 0;
        table_len[k] = 0;
    }
    ready = 0;
}

static int index_of(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '0' && c <= '9') return 26 + (c - '0');
    return -1;
}

/* One pass; writes when out != NULL. Returns the output size or -1. */
static long encode(const uint8_t *in, size_t n, uint8_t *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = in[i];
        int at_start = i == 0 || in[i - 1] == '\n';
        if (c == '\n') {
            if (!at_start && in[i - 1] == ' ') return -1;
            if (out) out[o] = '\n';
            o++;
        } else if (c == ' ') {
            if (at_start || in[i - 1] == ' ' || i + 1 == n || in[i + 1] == '\n') return -1;
            if (out) { out[o] = ' '; out[o + 1] = '/'; out[o + 2] = ' '; }
            o += 3;
        } else {
            int k = index_of(c);
            if (k < 0) return -1;
            if (!at_start && in[i - 1] != ' ') {
                if (out) out[o] = ' ';
                o++;
            }
            for (unsigned j = 0; j < table_len[k]; j++) {
                if (out) out[o + j] = (uint8_t)table[k][j];
            }
            o += table_len[k];
        }
    }
    return (long)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    if (!ready) build();
    long need = encode(in, n, NULL);
    if (need < 0) return -1;
    if ((uint32_t)need > *out_len) { *out_len = (uint32_t)need; return -3; }
    *out_len = (uint32_t)encode(in, n, out);
    return 0;
}
