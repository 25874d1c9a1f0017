//! BROKEN FIXTURE `process-unwrap-utf8`: `process` panics on input that is not UTF-8.
//!
//! The plugin upper-cases the ASCII letters of UTF-8 text. It is the echo reference plugin
//! (reference-plugins/echo) with a text step added, and gets every ABI point right (capacity,
//! -3 with the needed size, unaligned length cell, no writes past the output) except one:
//!
//! ```ignore
//! let text = str::from_utf8(bytes).unwrap();
//! ```
//!
//! The classic Rust habit. On bytes that are not UTF-8 the `unwrap` panics; with
//! `panic = "abort"` std writes the panic message to stderr (WASI `fd_write`) and the module
//! traps with `unreachable`, which kills the instance and the batch it was processing. The
//! correct code maps the error to `INVALID_INPUT` (-1), as the tokenizer reference does.
//!
//! Must fail exactly: ZC-CALL-002 (no call traps, whatever the input), and the report should
//! carry the panic message ("called `Result::unwrap()` on an `Err` value: Utf8Error ...").
//!
//! Exports: `process`, `plugin_info`, `plugin_version` (and the module's `memory`).

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry point, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::{ptr, slice, str};

/// Return codes of `process`, as fixed by the ABI.
pub const OK: i32 = 0;
pub const INVALID_INPUT: i32 = -1;
pub const OUT_OF_MEMORY: i32 = -2;
pub const OUTPUT_TOO_SMALL: i32 = -3;
pub const INTERNAL: i32 = -99;

/// `plugin_info` and `plugin_version` are both derived from the package version in
/// Cargo.toml, so bumping that one line keeps them in sync.
static INFO: &str = concat!(
    env!("CARGO_PKG_NAME"),
    " v",
    env!("CARGO_PKG_VERSION"),
    "\0"
);

const VERSION_MAJOR: u32 = parse_version_part(env!("CARGO_PKG_VERSION_MAJOR"));
const VERSION_MINOR: u32 = parse_version_part(env!("CARGO_PKG_VERSION_MINOR"));
const VERSION_PATCH: u32 = parse_version_part(env!("CARGO_PKG_VERSION_PATCH"));

/// `major << 16 | minor << 8 | patch`, the encoding the ABI uses for `plugin_version`.
pub const VERSION: u32 = VERSION_MAJOR << 16 | VERSION_MINOR << 8 | VERSION_PATCH;

/// Parses one decimal version component at compile time. A component that does not fit the
/// 8-bit field of `plugin_version` fails the build instead of silently wrapping.
const fn parse_version_part(s: &str) -> u32 {
    let bytes = s.as_bytes();
    assert!(!bytes.is_empty(), "empty version component");
    let mut value: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let digit = bytes[i];
        assert!(digit.is_ascii_digit(), "version component is not a number");
        value = value * 10 + (digit - b'0') as u32;
        assert!(value <= 255, "version component does not fit in 8 bits");
        i += 1;
    }
    value
}

/// Upper-cases the ASCII letters of the UTF-8 text at `input_ptr` into `output_ptr`; every
/// other byte is copied unchanged, so the output has the input's length.
///
/// `*output_len` is in/out: on entry it holds the capacity of the output buffer in bytes, on
/// return the number of bytes the output needs (written or not).
///
/// Returns [`OK`], [`OUTPUT_TOO_SMALL`] (writing nothing but the needed size) when the text
/// does not fit, and [`INVALID_INPUT`] for a null or wrapping pointer. PANICS (the bug) when
/// the input is not UTF-8.
///
/// # Safety
///
/// The host guarantees that `input_ptr..input_ptr + input_len` is readable,
/// `output_ptr..output_ptr + capacity` is writable, the two ranges do not overlap, and
/// `output_len` points at 4 (on wasm32) readable and writable bytes at any alignment.
/// When a length is 0 the matching pointer may be dangling and is never dereferenced.
#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    // Without the cell there is no way to report anything, not even the needed size.
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    // SAFETY: non-null, and the host guarantees the cell is valid. Fuzzing hosts place it at
    // odd addresses, so a plain `*output_len` (which assumes alignment) would be wrong.
    let capacity = unsafe { ptr::read_unaligned(output_len) };

    let bytes: &[u8] = if input_len == 0 {
        // The pointer may be dangling: no slice is built from it.
        &[]
    } else {
        if !range_is_addressable(input_ptr as usize, input_len) {
            return INVALID_INPUT;
        }
        // SAFETY: non-null, does not wrap, fits isize (checked above); the host guarantees the
        // range is readable and unchanged during the call, and `u8` needs no alignment.
        unsafe { slice::from_raw_parts(input_ptr, input_len) }
    };

    // THE BUG: should be `match str::from_utf8(bytes) { Ok(t) => t, Err(_) => return
    // INVALID_INPUT }`. Invalid UTF-8 panics here and the module traps.
    let text = str::from_utf8(bytes).unwrap();

    let needed = text.len();
    if needed > capacity {
        // SAFETY: as above. Only the length is reported; the output buffer is not touched.
        unsafe { ptr::write_unaligned(output_len, needed) };
        return OUTPUT_TOO_SMALL;
    }

    if needed > 0 {
        if !range_is_addressable(output_ptr as usize, needed)
            || ranges_overlap(output_ptr as usize, needed, input_ptr as usize, input_len)
        {
            return INVALID_INPUT;
        }
        for (i, byte) in text.bytes().enumerate() {
            // SAFETY: `i < needed <= capacity`, the bytes the host guarantees writable at
            // `output_ptr`, and the output does not overlap the input `text` borrows.
            unsafe { output_ptr.add(i).write(byte.to_ascii_uppercase()) };
        }
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, needed) };
    OK
}

/// True when `start..start + len` is a range a slice could be built from, as far as a plugin
/// can tell without dereferencing it: not null, not wrapping around the address space, and at
/// most `isize::MAX` bytes long (a requirement of `slice::from_raw_parts`).
fn range_is_addressable(start: usize, len: usize) -> bool {
    start != 0 && start.checked_add(len).is_some() && len <= isize::MAX as usize
}

/// True when the ranges `a..a + a_len` and `b..b + b_len` share a byte (an empty range shares
/// none). Callers have checked that the ranges do not wrap.
fn ranges_overlap(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    a_len > 0 && b_len > 0 && a < b.saturating_add(b_len) && b < a.saturating_add(a_len)
}

/// Returns a pointer to the static, NUL-terminated string `"process-unwrap-utf8 v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}
