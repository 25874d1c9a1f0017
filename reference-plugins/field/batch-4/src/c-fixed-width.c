// fixed-width: turns "name,qty,price" CSV lines into fixed-width records for a mainframe
// loader: name left-justified in 16 columns, qty right-justified in 6, price right-justified in
// 10, then '\n'. A CR before the LF is dropped, empty lines are skipped. A line without exactly
// three fields, or a field wider than its column, is -1.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const char PLUGIN_INFO[] = "fixed-width v2.0.0";

#define NAME_W 16
#define QTY_W 6
#define PRICE_W 10
#define REC_W (NAME_W + QTY_W + PRICE_W + 1)

static void rjust(char *dst, const uint8_t *s, size_t len, size_t w) {
    memset(dst, ' ', w - len);
    memcpy(dst + (w - len), s, len);
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, size_t *output_len) {
    size_t cap = *output_len, o = 0, i = 0;
    // count records first so that -3 can say how much room is needed
    size_t recs = 0;
    for (size_t j = 0; j < n; ) {
        size_t e = j; while (e < n && in[e] != '\n') e++;
        size_t len = e - j; if (len && in[e - 1] == '\r' && e - 1 >= j) len--;
        if (len) recs++;
        j = e + 1;
    }
    if (recs * REC_W > cap) { *output_len = recs * REC_W; return -3; }

    while (i < n) {
        size_t e = i; while (e < n && in[e] != '\n') e++;
        size_t end = e;
        if (end > i && in[end - 1] == '\r') end--;
        if (end > i) {
            const uint8_t *f[3]; size_t fl[3]; int k = 0;
            size_t s = i;
            for (size_t j = i; j <= end; j++) {
                if (j == end || in[j] == ',') {
                    if (k == 3) return -1;
                    f[k] = in + s; fl[k] = j - s; k++; s = j + 1;
                }
            }
            if (k != 3 || fl[0] > NAME_W || fl[1] > QTY_W || fl[2] > PRICE_W) return -1;
            char rec[REC_W];
            memcpy(rec, f[0], fl[0]);                 // name, left-justified
            rjust(rec + NAME_W, f[1], fl[1], QTY_W);
            rjust(rec + NAME_W + QTY_W, f[2], fl[2], PRICE_W);
            rec[REC_W - 1] = '\n';
            memcpy(out + o, rec, REC_W);
            o += REC_W;
        }
        i = e + 1;
    }
    *output_len = o;
    return 0;
}

const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x020000; }
