//! BROKEN FIXTURE `random-per-call`: the output depends on std's randomly seeded hashing.
//!
//! The echo reference plugin (reference-plugins/echo), except that the first output byte is
//! XOR-ed with a byte of a hash made by a fresh `std::collections::hash_map::RandomState`:
//!
//! ```ignore
//! let salt = RandomState::new().build_hasher().finish() as u8;
//! ```
//!
//! It stands for every output that leans on std's randomised hashing: `HashMap`/`HashSet`
//! iteration order, a "bucket" or "tag" taken from the map's hasher. std seeds RandomState
//! from WASI `random_get` once per instance and changes the keys for every new RandomState,
//! so the same input gives a different output on each call, and on each instance.
//! (`DefaultHasher::new()`, which has fixed keys, or a `BTreeMap` would be deterministic.)
//!
//! Everything else is echo: capacity handling, -3 with the needed size, nothing written past
//! the output. Empty input has no first byte and is unaffected.
//!
//! Must fail exactly: ZC-CALL-012 (the same input gives the same output).
//!
//! Exports: `process`, `plugin_info`, `plugin_version` (and the module's `memory`).
//! Imports: `wasi_snapshot_preview1.random_get` (std's hash seed), all allowlisted.

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry point, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::ptr;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

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

/// Copies `input_len` bytes from `input_ptr` to `output_ptr`, then XORs the first output byte
/// with a random-per-call value (the bug).
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
        // SAFETY: both ranges are non-null and valid for `input_len` bytes (checked above,
        // and guaranteed by the host), and `input_len <= capacity`, so nothing is written
        // past the output buffer. No slice is built: with a length of 0 we never get here,
        // so dangling pointers are never turned into references. `copy` (memmove) rather
        // than `copy_nonoverlapping` keeps even a host that breaks the no-overlap rule
        // from causing undefined behaviour, at no measurable cost.
        unsafe { ptr::copy(input_ptr, output_ptr, input_len) };

        // THE BUG: a value from a freshly seeded RandomState changes the output.
        let salt = RandomState::new().build_hasher().finish() as u8;
        // SAFETY: `input_len > 0`, so the first output byte is inside the buffer (written just
        // above).
        unsafe { *output_ptr ^= salt };
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, input_len) };
    OK
}

/// True when `start..start + len` is neither null nor wraps around the address space: the
/// two things a plugin can check about a host pointer without dereferencing it.
fn range_is_addressable(start: usize, len: usize) -> bool {
    start != 0 && start.checked_add(len).is_some()
}

/// Returns a pointer to the static, NUL-terminated string `"random-per-call v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}
