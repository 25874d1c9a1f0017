//! BROKEN FIXTURE `heap-claims-host-pages`: a heap-using plugin without `alloc`/`dealloc`.
//!
//! The echo reference plugin, except that it copies the input through a `Vec<u8>` (freed
//! again at the end of the call: no leak). Every call is correct on its own. The bug is what
//! the heap does to the host: with the wasi-libc that Debian 12's rustc 1.63 links, the first
//! `malloc` of an instance takes everything from `__heap_base` to the *current* end of memory
//! as its heap, including pages the host grew for its own buffers before that first call.
//! Large enough allocations are then placed in the host's pages and overwrite them.
//!
//! The fix is to export `alloc` and `dealloc` (as reference-plugins/text-normalize does), so
//! the host takes its buffers from the plugin's own allocator, or to build with a toolchain
//! whose wasi-libc respects `__heap_end` (wasi-libc from 2023 on).
//!
//! Must fail: ZC-MEM-004 (the plugin's heap leaves the pages the host grew untouched). Its
//! allocations land in the host's buffers during fuzzing too, so calls also see their input
//! or guard bytes change (see the manifest entry for the exact list).
//!
//! Exports: `process`, `plugin_info`, `plugin_version` (and the module's `memory`).

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry point, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::{ptr, slice};

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

/// Copies `input_len` bytes from `input_ptr` to `output_ptr`, through a heap `Vec`.
///
/// `*output_len` is in/out: on entry it holds the capacity of the output buffer in bytes, on
/// return the number of bytes the output needs (written or not).
///
/// Returns [`OK`] after copying, [`OUTPUT_TOO_SMALL`] (writing nothing but the needed size)
/// when the input does not fit, and [`INVALID_INPUT`] for a null or wrapping pointer that
/// would have to be dereferenced.
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

    // Both pointers are checked before anything is written, so that an invalid call leaves
    // the output and its length exactly as the host left them.
    if input_len > 0 && !range_is_addressable(input_ptr as usize, input_len) {
        return INVALID_INPUT;
    }

    if input_len > capacity {
        // SAFETY: as above. Only the length is reported; the output buffer is not touched.
        unsafe { ptr::write_unaligned(output_len, input_len) };
        return OUTPUT_TOO_SMALL;
    }

    if input_len > 0 {
        if !range_is_addressable(output_ptr as usize, input_len) {
            return INVALID_INPUT;
        }
        // SAFETY: non-null and does not wrap (checked above); the host guarantees the range
        // is readable and unchanged during the call, and `u8` needs no alignment.
        let input = unsafe { slice::from_raw_parts(input_ptr, input_len) };
        let mut buffer = Vec::with_capacity(input_len);
        buffer.extend_from_slice(input);
        // SAFETY: `buffer` holds `input_len` initialised bytes and the output has room for
        // them (`input_len <= capacity`). The Vec is a fresh allocation, so it overlaps
        // neither the input nor the output (as long as the heap keeps to its own pages).
        unsafe { ptr::copy_nonoverlapping(buffer.as_ptr(), output_ptr, input_len) };
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, input_len) };
    OK
}

/// True when `start..start + len` is a range a slice could be built from, as far as a plugin
/// can tell without dereferencing it: not null, not wrapping around the address space, and at
/// most `isize::MAX` bytes long (a requirement of `slice::from_raw_parts`).
fn range_is_addressable(start: usize, len: usize) -> bool {
    start != 0 && start.checked_add(len).is_some() && len <= isize::MAX as usize
}

/// Returns a pointer to the static, NUL-terminated string `"heap-claims-host-pages v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}
