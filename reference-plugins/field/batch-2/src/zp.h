#include <stdint.h>
#include <stddef.h>
#define ZOK 0
#define ZINVALID -1
#define ZTOOSMALL -3
#define INFO_FN(s) const char *plugin_info(void) { return s; }
