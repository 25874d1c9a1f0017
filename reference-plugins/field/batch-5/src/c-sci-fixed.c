// sci-fixed: rewrites numbers in scientific notation ("1.5e3", "-2.5E-2", "6e+0") as plain
// fixed-point decimals with six places ("1500.000000", "-0.025000", "6.000000"); everything
// else is copied through. A number too large for a double is -1. Scaling by the exponent is
// done by repeated multiplication so no libm is needed.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char PLUGIN_INFO[] = "sci-fixed v1.1.0";
const char *plugin_info(void) { return PLUGIN_INFO; }

static int isdig(uint8_t c) { return c >= '0' && c <= '9'; }

// Tries to read a number with an exponent at in[i..n). On success returns the bytes consumed
// and the value; 0 when there is no exponent form here.
static size_t scan(const uint8_t *in, size_t i, size_t n, double *val) {
    size_t j = i;
    int neg = 0;
    if (j < n && (in[j] == '-' || in[j] == '+')) neg = in[j++] == '-';
    double m = 0;
    size_t digits = 0;
    while (j < n && isdig(in[j])) { m = m * 10 + (in[j++] - '0'); digits++; }
    if (j < n && in[j] == '.') {
        j++;
        double f = 0.1;
        while (j < n && isdig(in[j])) { m += (in[j++] - '0') * f; f /= 10; digits++; }
    }
    if (!digits || j >= n || (in[j] != 'e' && in[j] != 'E')) return 0;
    j++;
    int eneg = 0;
    if (j < n && (in[j] == '-' || in[j] == '+')) eneg = in[j++] == '-';
    if (j >= n || !isdig(in[j])) return 0;
    uint32_t e = 0;
    while (j < n && isdig(in[j])) e = e * 10 + (in[j++] - '0');
    for (uint32_t k = 0; k < e; k++) m = eneg ? m / 10 : m * 10;
    *val = neg ? -m : m;
    return j - i;
}

static char buf[400];

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *out_len) {
    size_t cap = *out_len, o = 0;
    int overflow = 0;
    for (size_t i = 0; i < n;) {
        double v;
        // a number starts at a sign or digit that does not continue a word
        int at_start = (i == 0 || !(isdig(in[i - 1]) || in[i - 1] == '.' ||
                        (in[i - 1] | 0x20) >= 'a' && (in[i - 1] | 0x20) <= 'z'));
        size_t used = at_start ? scan(in, i, n, &v) : 0;
        if (used) {
            if (v - v != 0) return -1;          // inf or nan
            int len = snprintf(buf, sizeof buf, "%.6f", v);
            if (o + len <= cap) memcpy(out + o, buf, len); else overflow = 1;
            o += len;
            i += used;
        } else {
            if (o < cap) out[o] = in[i]; else overflow = 1;
            o++;
            i++;
        }
    }
    *out_len = o;
    return overflow ? -3 : 0;
}
