/*
 * c-hex: a Zenith reference plugin written in C.
 *
 * process() writes the lowercase hexadecimal encoding of its input: two ASCII characters per
 * input byte, high nibble first, no separators ("Zen" -> "5a656e"). Every input is valid, and
 * the output is exactly 2 * input_len bytes: unlike echo, the size the output needs is not
 * the size of the input, so the -3 (OutputTooSmall) path reports a size the host could not
 * have guessed.
 *
 * It exists to show that the Zenith ABI (and its conformance suite) is not tied to Rust: the
 * same rules, met in plain C11 with nothing but clang and wasi-libc. See README.md for the
 * build and a rule-by-rule walk-through.
 *
 * Exports: process, plugin_info, plugin_version (the build script passes -Wl,--export=... for
 * each), memory, and _initialize (the WASI reactor entry that -mexec-model=reactor adds).
 * Deliberately absent: _start (a plugin is a library), init, cleanup (no state), alloc and
 * dealloc (the host owns every buffer). Imports: none.
 *
 * Nothing here calls the C library: no malloc, no memcpy, no printf. Bytes are moved one at a
 * time, so no libc call (and no env.memcpy import) can appear.
 */

#include <stddef.h>
#include <stdint.h>

/* The ABI is wasm32: pointers and usize are 32 bits, and memory is little-endian. */
_Static_assert(sizeof(void *) == 4, "the Zenith ABI is wasm32: 32-bit pointers");
_Static_assert(sizeof(size_t) == 4, "usize in the Zenith ABI is 32 bits");

/* Return codes of process(), as fixed by the ABI. */
enum {
    ZENITH_OK = 0,
    ZENITH_INVALID_INPUT = -1,
    ZENITH_OUT_OF_MEMORY = -2, /* never returned: this plugin allocates nothing */
    ZENITH_OUTPUT_TOO_SMALL = -3,
    ZENITH_INTERNAL = -99, /* never returned: nothing else can fail */
};

/*
 * Name and version, defined once: plugin_info() and plugin_version() are both derived from
 * these three numbers, so they cannot disagree.
 */
#define PLUGIN_NAME "c-hex"
#define VERSION_MAJOR 1
#define VERSION_MINOR 0
#define VERSION_PATCH 0

/* plugin_version() packs each component into 8 bits; a larger one must fail the build. */
_Static_assert(VERSION_MAJOR <= 255 && VERSION_MINOR <= 255 && VERSION_PATCH <= 255,
               "a version component does not fit the 8 bits plugin_version gives it");

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* "c-hex v1.0.0" plus the NUL every C string literal ends with, which the ABI requires. */
static const char INFO[] =
    PLUGIN_NAME " v" STRINGIFY(VERSION_MAJOR) "." STRINGIFY(VERSION_MINOR) "." STRINGIFY(VERSION_PATCH);

/* The ABI's bound on the plugin_info text, NUL included. */
_Static_assert(sizeof INFO <= 256, "plugin_info text is longer than 256 bytes");

/* The 16 lowercase hex digits (the array also holds the literal's NUL, never indexed). */
static const char HEX_DIGITS[] = "0123456789abcdef";

/*
 * The output-length cell is a u32 at any address: the host may place it at an odd one. A
 * uint32_t pointer to a misaligned address is undefined behaviour in C, so the cell is only
 * ever touched as 4 bytes, assembled in the wasm memory's byte order (little-endian). clang
 * turns each function into a single unaligned i32.load / i32.store, which wasm allows.
 */
static uint32_t load_u32_le(const unsigned char *cell) {
    return (uint32_t)cell[0] | (uint32_t)cell[1] << 8 | (uint32_t)cell[2] << 16 |
           (uint32_t)cell[3] << 24;
}

static void store_u32_le(unsigned char *cell, uint32_t value) {
    cell[0] = (unsigned char)value;
    cell[1] = (unsigned char)(value >> 8);
    cell[2] = (unsigned char)(value >> 16);
    cell[3] = (unsigned char)(value >> 24);
}

/*
 * True when [start, start + len) is a range the plugin may use, as far as it can tell without
 * touching it: not at address 0 (which a host never hands out) and not wrapping around the
 * 32-bit address space. Addresses are compared as integers: relational operators on pointers
 * into different objects are undefined in C.
 */
static int range_is_addressable(uintptr_t start, size_t len) {
    uintptr_t end;
    return start != 0 && !__builtin_add_overflow(start, len, &end);
}

/* True when the non-empty, non-wrapping ranges [a, a + a_len) and [b, b + b_len) overlap. */
static int ranges_overlap(uintptr_t a, size_t a_len, uintptr_t b, size_t b_len) {
    return a_len > 0 && b_len > 0 && a < b + b_len && b < a + a_len;
}

/*
 * process(input_ptr, input_len, output_ptr, output_len) -> i32
 *
 * Writes the lowercase hex encoding of the input_len bytes at input_ptr to output_ptr.
 *
 * *output_len is in/out and counts bytes: on entry the capacity of the output buffer, on
 * return the bytes written (2 * input_len), or with -3 the bytes needed (nothing else is
 * written then).
 *
 * Returns 0 (Ok); -3 (OutputTooSmall) when 2 * input_len exceeds the capacity; -1
 * (InvalidInput) for a null length cell, a null or wrapping buffer that would have to be read
 * or written, an output that overlaps the input, or an input so long that 2 * input_len does
 * not fit the 32-bit cell (2 GiB or more). Invalid calls write nothing at all.
 *
 * When a length is 0 its pointer may be dangling and is never dereferenced. The input is only
 * read. Any pointer may have any alignment.
 */
int32_t process(const unsigned char *input_ptr, size_t input_len, unsigned char *output_ptr,
                void *output_len) {
    unsigned char *cell = output_len;

    /* Without the cell there is no way to report anything, not even the needed size. */
    if (cell == NULL) {
        return ZENITH_INVALID_INPUT;
    }
    uint32_t capacity = load_u32_le(cell);

    /* Check everything about the input before writing anything. */
    if (input_len > 0 && !range_is_addressable((uintptr_t)input_ptr, input_len)) {
        return ZENITH_INVALID_INPUT;
    }

    /* The needed size, 2 * input_len, must itself fit the u32 cell to be reported. */
    uint32_t needed;
    if (__builtin_mul_overflow(input_len, 2u, &needed)) {
        return ZENITH_INVALID_INPUT;
    }

    if (needed > capacity) {
        /* Only the needed size is reported; the output buffer is not touched. */
        store_u32_le(cell, needed);
        return ZENITH_OUTPUT_TOO_SMALL;
    }

    if (needed > 0) {
        uintptr_t out = (uintptr_t)output_ptr;
        if (!range_is_addressable(out, needed) ||
            ranges_overlap(out, needed, (uintptr_t)input_ptr, input_len)) {
            return ZENITH_INVALID_INPUT;
        }
        /*
         * 2 * i + 1 < 2 * input_len == needed <= capacity, and 2 * input_len did not
         * overflow (checked above): every write lands inside [output_ptr, output_ptr +
         * capacity). No byte past output_ptr + needed is touched.
         */
        for (size_t i = 0; i < input_len; i++) {
            unsigned char byte = input_ptr[i];
            output_ptr[2 * i] = (unsigned char)HEX_DIGITS[byte >> 4];
            output_ptr[2 * i + 1] = (unsigned char)HEX_DIGITS[byte & 0x0f];
        }
    }

    store_u32_le(cell, needed);
    return ZENITH_OK;
}

/* plugin_info() -> *const u8: the static, NUL-terminated "c-hex v1.0.0". */
const char *plugin_info(void) {
    return INFO;
}

/* plugin_version() -> u32: major << 16 | minor << 8 | patch (1.0.0 is 0x010000). */
uint32_t plugin_version(void) {
    return (uint32_t)VERSION_MAJOR << 16 | (uint32_t)VERSION_MINOR << 8 | (uint32_t)VERSION_PATCH;
}
