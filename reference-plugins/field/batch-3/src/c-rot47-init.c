/* rot47: rotates printable ASCII 33..126 by 47; other bytes pass through. The table is built in init(). */
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
static uint8_t T[256];
const char *plugin_info(void) { return "rot47 v1.0.0"; }
int32_t init(void) {
    for (int i = 0; i < 256; i++) T[i] = (uint8_t)((i >= 33 && i <= 126) ? 33 + (i - 33 + 47) % 94 : i);
    return true; /* table ready */
}
void cleanup(void) {}
int32_t process(const uint8_t *in, size_t n, uint8_t *out, uint32_t *out_len) {
    if (n > *out_len) { *out_len = (uint32_t)n; return -3; }
    for (size_t i = 0; i < n; i++) out[i] = T[in[i]];
    *out_len = (uint32_t)n;
    return 0;
}
