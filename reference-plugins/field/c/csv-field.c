/*
 * csv-field: writes the first field of every CSV record, one per line.
 *
 *   name,age\n"Smith, J.",42\n   ->   name\nSmith, J.\n
 *
 * Records end at \n (a \r before it is dropped). A field may be double-quoted; inside quotes
 * commas and newlines are data and "" is one quote. An unterminated quote is -1.
 */
#include <stddef.h>
#include <stdint.h>

static const char INFO[] = "csv-field v0.2.0";

/*
 * One pass that both measures and writes: returns the size of the whole output, or -1 for
 * invalid input, and writes only the bytes that fit in cap.
 */
static long extract(const unsigned char *in, size_t len, unsigned char *out, size_t cap) {
    size_t o = 0;
    size_t i = 0;
    while (i < len) {
        /* first field of this record */
        if (in[i] == '"') {
            i++;
            for (;;) {
                if (i >= len) return -1;
                if (in[i] == '"') {
                    if (i + 1 < len && in[i + 1] == '"') {
                        if (o <= cap) out[o] = '"';
                        o++;
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (o <= cap) out[o] = in[i];
                o++;
                i++;
            }
        } else {
            while (i < len && in[i] != ',' && in[i] != '\n') {
                if (in[i] != '\r') {
                    if (o <= cap) out[o] = in[i];
                    o++;
                }
                i++;
            }
        }
        if (o <= cap) out[o] = '\n';
        o++;
        /* skip the rest of the record, honouring quotes */
        int quoted = 0;
        while (i < len) {
            if (in[i] == '"') quoted = !quoted;
            else if (in[i] == '\n' && !quoted) break;
            i++;
        }
        if (quoted) return -1;
        i++; /* the newline */
    }
    return (long)o;
}

int32_t process(const unsigned char *input, size_t input_len, unsigned char *output,
                size_t *output_len) {
    if (!output_len) return -1;
    size_t cap = *output_len;
    long needed = extract(input, input_len, output, cap);
    if (needed < 0) return -1;
    *output_len = (size_t)needed;
    if ((size_t)needed > cap) return -3;
    return 0;
}

const char *plugin_info(void) { return INFO; }
