//! BROKEN FIXTURE `leaks-vec-per-call`: every call leaks an input-sized `Vec<u8>`.
//!
//! The echo reference plugin (reference-plugins/echo), except that it builds its output in a
//! `Vec<u8>` first and then hands the bytes over with the "give the buffer to the host" habit
//! from plugins that return pointers:
//!
//! ```ignore
//! let ptr = buffer.as_ptr();
//! std::mem::forget(buffer); // "the host owns it now"
//! ```
//!
//! Here the host never owns it: `process` copies the bytes into the host's output buffer, and
//! nothing ever frees the Vec. Each call leaks `input_len` bytes of the plugin's heap, so a
//! long-running host's memory grows without bound (about a 64 KiB page per 16 calls of 4 KiB).
//! Every individual call is correct: same output, capacity handling and return codes as echo.
//!
//! Must fail exactly: ZC-CALL-011 (repeated calls do not grow memory without bound).
//!
//! Exports: `process`, `plugin_info`, `plugin_version`, `alloc`, `dealloc` (and the module's
//! `memory`).
//!
//! Why it exports `alloc` and `dealloc` (the reference plugins do not): this plugin uses the
//! heap, and with the wasi-libc that Debian 12's rustc 1.63 links, the first `malloc` of an
//! instance takes everything from `__heap_base` to the *current* end of memory (`memory.size`)
//! as its heap, including pages the host grew for its own buffers before that first call. A
//! plugin that allocates without exporting `alloc` then hands the host's input and output
//! buffers out as heap memory and corrupts them (the suite sees modified input and results
//! that change from call to call). With `alloc`, the host takes its buffers from the plugin's
//! own allocator and the two cannot overlap; that part of the plugin is correct on purpose.

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry point, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::{mem, ptr, slice};
use std::alloc::Layout;

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

/// Copies `input_len` bytes from `input_ptr` to `output_ptr`, through a leaked `Vec`.
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
        let bytes = into_host_buffer(buffer);
        // SAFETY: `bytes` holds `input_len` initialised bytes (the leaked Vec), and the
        // output has room for them (`input_len <= capacity`). The Vec is a fresh allocation,
        // so it overlaps neither the input nor the output.
        unsafe { ptr::copy_nonoverlapping(bytes, output_ptr, input_len) };
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, input_len) };
    OK
}

/// Hands a buffer's bytes to the host as a raw pointer, keeping them alive past this call.
///
/// THE BUG: right for a plugin that returns the pointer and exports a `dealloc` the host
/// calls later; here nobody ever frees it, so every call leaks `buffer.len()` bytes. The fix
/// is to let the Vec drop (or to write straight into the host's output buffer, as echo does).
fn into_host_buffer(buffer: Vec<u8>) -> *const u8 {
    let ptr = buffer.as_ptr();
    mem::forget(buffer);
    ptr
}

/// True when `start..start + len` is a range a slice could be built from, as far as a plugin
/// can tell without dereferencing it: not null, not wrapping around the address space, and at
/// most `isize::MAX` bytes long (a requirement of `slice::from_raw_parts`).
fn range_is_addressable(start: usize, len: usize) -> bool {
    start != 0 && start.checked_add(len).is_some() && len <= isize::MAX as usize
}

/// Gives the host `size` bytes of this plugin's heap for its buffers, or 0 (null) when the
/// heap cannot grow. Exported because this plugin uses the heap: see the crate docs.
#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match host_buffer_layout(size) {
        // SAFETY: the layout's size is non-zero (`host_buffer_layout` makes it at least 1).
        Some(layout) => unsafe { std::alloc::alloc(layout) },
        None => ptr::null_mut(),
    }
}

/// Frees a buffer [`alloc`] returned.
///
/// # Safety
///
/// `ptr` must have come from `alloc(size)` with the same `size`, and must not be used or
/// freed again. A null `ptr` is ignored.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if ptr.is_null() {
        return;
    }
    if let Some(layout) = host_buffer_layout(size) {
        // SAFETY: the caller's contract: `ptr` came from `alloc(size)`, which allocated it
        // with exactly this layout, and it is freed once.
        unsafe { std::alloc::dealloc(ptr, layout) };
    }
}

/// The layout of a host buffer of `size` bytes: byte-aligned (the host aligns within what it
/// gets), and at least 1 byte so that even `alloc(0)` returns a unique, non-null pointer.
fn host_buffer_layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size.max(1), 1).ok()
}

/// Returns a pointer to the static, NUL-terminated string `"leaks-vec-per-call v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}
