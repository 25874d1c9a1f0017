/* cut-env: selects fields of delimited lines, like `cut -f` (but in the order listed and with
   repeats allowed, like awk's print): with the default settings (fields 1,3; TAB) the line
   "a\tb\tc\td" gives "a\tc". A missing field is empty ("a" gives "a\t"). Every line keeps
   its own ending: LF, CR LF, or none for a last line without one. Any bytes are accepted.

   Unusual, all allowed by the ABI:
   - the field list and the delimiter come from the WASI environment (CUT_FIELDS="2,1,2",
     CUT_DELIM=","), read once by init() through getenv (environ_sizes_get/environ_get);
     an empty or invalid setting falls back to the defaults. process() sets itself up too if
     a host never called init;
   - the field list is malloc'd by init and freed by cleanup; alloc/dealloc (over
     malloc/free) are exported for the host's buffers, and alloc(0) returns 0;
   - one pass: it writes straight into the output while the output fits and keeps counting
     when it does not, so on -3 the output buffer holds a partial result (never more than
     its capacity) and *output_len the full size. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static const char PLUGIN_INFO[] = "cut-env v3.0.1";
const char *plugin_info(void) { return PLUGIN_INFO; }
uint32_t plugin_version(void) { return 0x030001; }

void *alloc(size_t size) { return size ? malloc(size) : NULL; }
void dealloc(void *p, size_t size) { (void)size; free(p); }

static uint32_t *fields;   /* 1-based field numbers */
static size_t nfields;
static uint8_t delim = '\t';
static int ready;

static int parse_fields(const char *s) {
    size_t count = 1;
    for (const char *p = s; *p; p++) if (*p == ',') count++;
    uint32_t *list = malloc(count * sizeof *list);
    if (!list) return 0;
    size_t k = 0;
    uint32_t v = 0;
    int digits = 0;
    for (const char *p = s;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (v > 100000) { free(list); return 0; }
            v = v * 10 + (uint32_t)(*p - '0');
            digits++;
        } else if (*p == ',' || *p == '\0') {
            if (!digits || v == 0) { free(list); return 0; }
            list[k++] = v;
            v = 0; digits = 0;
            if (*p == '\0') break;
        } else { free(list); return 0; }
    }
    free(fields);
    fields = list;
    nfields = k;
    return 1;
}

static void setup(void) {
    const char *f = getenv("CUT_FIELDS");
    if (!f || !*f || !parse_fields(f)) parse_fields("1,3");
    const char *d = getenv("CUT_DELIM");
    delim = (d && d[0] && !d[1]) ? (uint8_t)d[0] : '\t';
    ready = 1;
}

int32_t init(void) {
    setup();
    return 0;
}

void cleanup(void) {
    free(fields);
    fields = NULL;
    nfields = 0;
    ready = 0;
}

int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (out_len == NULL) return -1;
    if (!ready) setup();
    if (!fields) return -2;
    size_t cap = *out_len, o = 0;
#define PUT(c) do { if (o < cap) out[o] = (uint8_t)(c); o++; } while (0)
    for (size_t i = 0; i < n;) {
        size_t s = i;
        while (i < n && in[i] != '\n') i++;
        size_t e = i;                       /* line content is [s, e) */
        int lf = i < n, cr = 0;
        if (lf) i++;
        if (e > s && in[e - 1] == '\r' && lf) { e--; cr = 1; }
        for (size_t f = 0; f < nfields; f++) {
            if (f) PUT(delim);
            /* find field number fields[f] */
            size_t fs = s, k = 1;
            while (k < fields[f] && fs < e) {
                while (fs < e && in[fs] != delim) fs++;
                if (fs < e) { fs++; k++; } else break;
            }
            if (k != fields[f]) continue;   /* missing: empty */
            for (size_t p = fs; p < e && in[p] != delim; p++) PUT(in[p]);
        }
        if (cr) PUT('\r');
        if (lf) PUT('\n');
    }
#undef PUT
    if (o > UINT32_MAX) return -1;
    *out_len = (uint32_t)o;
    return o > cap ? -3 : 0;
}
