/* utf8-ascii: transliterates UTF-8 text to 7-bit ASCII for systems that only take ASCII
   (old mainframe feeds, fixed-width exports):
     "Crème brûlée – 5 €" -> "Creme brulee - 5 EUR", "Straße" -> "Strasse".
   ASCII passes through. Latin-1 letters lose their accents (æ -> ae, ß -> ss, þ -> th),
   typographic quotes, dashes, spaces and the ellipsis become their ASCII forms, € -> EUR,
   ™ -> TM, Œ/œ/Š/š/Ž/ž/Ÿ -> OE/oe/S/s/Z/z/Y. Any other character becomes '?'.
   Invalid UTF-8 (bad or missing continuation bytes, overlong forms, surrogates, values past
   U+10FFFF) gives -1. -3 names the exact size.
   Like iconv(3), the result of a conversion is the number of characters that could not be
   represented and were replaced ('?'): 0 means the text came through without loss.
   No heap, no imports, no state. */
#include <stddef.h>
#include <stdint.h>

static const char PLUGIN_INFO[] = "utf8-ascii v1.0.4";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x010004; }

static uint32_t get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* U+00A0 .. U+00FF; NULL: no ASCII form */
static const char *const LATIN1[96] = {
    " ", "!", "c", NULL, NULL, NULL, "|", NULL, "\"", "(C)", "a", "<<", "-", "", "(R)", "-",
    NULL, "+-", "2", "3", "'", "u", NULL, ".", ",", "1", "o", ">>", NULL, NULL, NULL, "?",
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
};

static const char *translit(uint32_t cp) {
    if (cp >= 0xA0 && cp <= 0xFF) return LATIN1[cp - 0xA0];
    switch (cp) {
    case 0x152: return "OE";
    case 0x153: return "oe";
    case 0x160: return "S";
    case 0x161: return "s";
    case 0x178: return "Y";
    case 0x17D: return "Z";
    case 0x17E: return "z";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return "-";
    case 0x2026: return "...";
    case 0x2022: return "*";
    case 0x20AC: return "EUR";
    case 0x2122: return "TM";
    }
    if (cp >= 0x2000 && cp <= 0x200A) return " ";
    if (cp == 0x202F || cp == 0x205F || cp == 0x3000) return " ";
    return NULL;
}

/* decodes one UTF-8 sequence at in[i]; returns its length, 0 when invalid */
static size_t decode(const uint8_t *in, size_t n, size_t i, uint32_t *cp) {
    uint8_t b = in[i];
    if (b < 0x80) { *cp = b; return 1; }
    size_t len;
    uint32_t min;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; *cp = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; *cp = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; *cp = b & 0x07; min = 0x10000; }
    else return 0;
    if (n - i < len) return 0;
    for (size_t k = 1; k < len; k++) {
        uint8_t c = in[i + k];
        if ((c & 0xC0) != 0x80) return 0;
        *cp = *cp << 6 | (c & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return len;
}

/* one pass: measures (out == NULL) or writes; returns the size, or -1 for invalid input */
static int64_t convert(const uint8_t *in, size_t n, uint8_t *out, uint32_t *lossy) {
    size_t i = 0, o = 0;
    uint32_t lost = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = decode(in, n, i, &cp);
        if (len == 0) return -1;
        i += len;
        if (cp < 0x80) {
            if (out) out[o] = (uint8_t)cp;
            o++;
            continue;
        }
        const char *t = translit(cp);
        if (!t) { t = "?"; lost++; }
        for (; *t; t++) {
            if (out) out[o] = (uint8_t)*t;
            o++;
        }
    }
    *lossy = lost;
    return (int64_t)o;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint8_t *cell) {
    uint32_t lossy;
    int64_t need = convert(in, n, NULL, &lossy);
    if (need < 0) return -1;
    if (need > 0xFFFFFFFF) return -1;
    uint32_t cap = get_u32(cell);
    if ((uint64_t)need > cap) {
        put_u32(cell, (uint32_t)need);
        return -3;
    }
    convert(in, n, out, &lossy);
    put_u32(cell, (uint32_t)need);
    return (int32_t)lossy;
}
