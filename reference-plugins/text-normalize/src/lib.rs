//! Zenith reference plugin `text-normalize`: `process` trims UTF-8 text, collapses every run of
//! whitespace to one ASCII space and lowercases ASCII letters.
//!
//! It is the reference plugin that uses every optional export the ABI lists, and is meant to
//! be copied by plugins that need them. See README.md for the walk-through.
//!
//! Exports: `process`, `plugin_info`, `plugin_version`, `init`, `cleanup`, `alloc`, `dealloc`
//! (and the module's `memory`). Imports: `env.host_log`, called once from `init`.
//! Deliberately absent: `_start` (a plugin is a library, not a command).
//!
//! Normalization: the output is the words of the input, exactly `str::split_whitespace`
//! (Unicode `White_Space` separates words, empty words are dropped), each with its ASCII
//! letters `A`-`Z` lowercased (`str::to_ascii_lowercase`), joined by one U+0020 SPACE. All
//! other characters, including non-ASCII letters, are copied unchanged. The output is never
//! longer than the input.
//!
//! Lifecycle: the host calls `init` once after instantiating the module; it builds the fold
//! table `process` uses and logs one line. `process` returns `-99` (Internal) until `init` has
//! run, and again after `cleanup` has torn the table down.

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry points, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use core::{ptr, slice, str};
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

/// The one line `init` logs through `env.host_log` (valid UTF-8, no NUL, no newline).
pub static READY_MESSAGE: &str = concat!(env!("CARGO_PKG_NAME"), ": ready");

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

// ---------------------------------------------------------------------------------------------
// The host import
// ---------------------------------------------------------------------------------------------

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "env")]
extern "C" {
    /// `env.host_log(ptr, len)`: the host reads `len` bytes of UTF-8 at `ptr` and records
    /// them before returning; it keeps no pointer.
    fn host_log(ptr: *const u8, len: usize);
}

/// Every message passed to the host-side stand-in of `env.host_log`, in order. Only exists off
/// wasm, where there is no host: it lets the crate link natively and the tests see the log.
#[cfg(not(target_arch = "wasm32"))]
pub static HOST_LOG: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());

/// Host-side stand-in for `env.host_log` (native builds and `cargo test`): appends the message
/// to [`HOST_LOG`].
///
/// # Safety
///
/// As for the real import: `ptr..ptr + len` must be readable for the duration of the call.
#[cfg(not(target_arch = "wasm32"))]
unsafe fn host_log(ptr: *const u8, len: usize) {
    // SAFETY: the caller's contract; `log` passes a live `&str`, whose pointer is never null.
    let bytes = unsafe { slice::from_raw_parts(ptr, len) };
    // A poisoned lock (a test panicked while logging) still holds a usable log.
    let mut log = HOST_LOG
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    log.push(bytes.to_vec());
}

/// Logs one message through the host. Taking `&str` makes both of the host's checks (the range
/// is inside memory, the bytes are UTF-8) hold by construction.
fn log(message: &str) {
    // SAFETY: `message` is a live `&str`, so `as_ptr()..as_ptr() + len()` is readable, valid
    // UTF-8 in this module's memory for the whole call, which is all `host_log` requires.
    unsafe { host_log(message.as_ptr(), message.len()) }
}

// ---------------------------------------------------------------------------------------------
// State: built by `init`, torn down by `cleanup`
// ---------------------------------------------------------------------------------------------

/// The value every entry of [`FOLD`] starts from (an array of atomics needs a `const` item to
/// repeat).
#[allow(clippy::declare_interior_mutable_const)]
const UNSET: AtomicU8 = AtomicU8::new(0);

/// The fold table: the byte `process` writes for each input byte of a word. `init` fills it
/// with `to_ascii_lowercase` (`A`-`Z` become `a`-`z`, every other byte maps to itself, so UTF-8
/// sequences pass through unchanged); `cleanup` zeroes it.
///
/// Atomics rather than `static mut`: mutating the table needs no `unsafe`, and on wasm32
/// without the threads feature a relaxed atomic load or store is a plain `i32.load8_u` /
/// `i32.store8`. `process` only reads the table after seeing [`READY`] set.
static FOLD: [AtomicU8; 256] = [UNSET; 256];

/// True between `init` and `cleanup`: the fold table is built.
static READY: AtomicBool = AtomicBool::new(false);

/// Builds the state `process` uses and logs [`READY_MESSAGE`]. Returns [`OK`]: nothing here
/// can fail.
///
/// The host calls `init` once, after instantiating the module (and after `_initialize`, which
/// a Rust cdylib does not export), before any other export. Calling it again is harmless: it
/// rebuilds the same table and logs the line again.
#[no_mangle]
pub extern "C" fn init() -> i32 {
    for (byte, slot) in (0..=u8::MAX).zip(FOLD.iter()) {
        slot.store(byte.to_ascii_lowercase(), Ordering::Relaxed);
    }
    // Release pairs with the Acquire load in `process`: the table is complete before READY.
    READY.store(true, Ordering::Release);
    log(READY_MESSAGE);
    OK
}

/// Tears down what `init` built: `process` returns [`INTERNAL`] afterwards. Never traps, and
/// is harmless without a preceding `init` or `process`, or when called twice.
///
/// The host calls `cleanup` once, just before dropping the instance; no call follows it. It
/// logs nothing: the ABI caps log bytes per call, and a quiet unload is what hosts expect.
#[no_mangle]
pub extern "C" fn cleanup() {
    READY.store(false, Ordering::Release);
    for slot in FOLD.iter() {
        slot.store(0, Ordering::Relaxed);
    }
}

/// The byte `process` writes for input byte `byte` (after `init`, its ASCII lowercase).
fn fold(byte: u8) -> u8 {
    // `FOLD` has 256 entries and a `u8` index is below 256, so `get` always finds one; using
    // it instead of `FOLD[i]` keeps the code free of a panic path by construction rather than
    // by trusting the optimizer to remove a bounds check.
    FOLD.get(usize::from(byte))
        .map_or(byte, |slot| slot.load(Ordering::Relaxed))
}

// ---------------------------------------------------------------------------------------------
// Normalization
// ---------------------------------------------------------------------------------------------

/// Unicode's `White_Space` property: exactly what `char::is_whitespace` answers (a unit test
/// compares the two for every `char`).
///
/// Why not call `char::is_whitespace`: for non-ASCII characters it searches a table in core
/// with bounds checks the optimizer cannot remove, which links std's panic machinery (tens of
/// KB and four WASI imports) into the module. A `match` compiles to comparisons that cannot
/// panic. The set has not changed since Unicode 6.3.
pub const fn is_white_space(c: char) -> bool {
    matches!(
        c,
        '\u{0009}'..='\u{000D}'
            | '\u{0020}'
            | '\u{0085}'
            | '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// The words of `text`: exactly `text.split_whitespace()`, which std defines as splitting on
/// `char::is_whitespace` and dropping empty pieces, spelled with [`is_white_space`].
pub fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(is_white_space).filter(|word| !word.is_empty())
}

/// The normalized bytes of `text`: its words, each byte mapped through `fold`, separated by
/// one `b' '` (none before the first word or after the last, which trims). Both passes of
/// `process` (measure, then write) use this one definition, so they cannot disagree.
fn normalized<'a>(
    text: &'a str,
    fold: impl Fn(u8) -> u8 + Copy + 'a,
) -> impl Iterator<Item = u8> + 'a {
    let mut first = true;
    words(text).flat_map(move |word| {
        let separator = if first { None } else { Some(b' ') };
        first = false;
        separator.into_iter().chain(word.bytes().map(fold))
    })
}

/// Normalizes UTF-8 text: trims it, collapses each run of Unicode whitespace to one ASCII
/// space, and lowercases ASCII letters (see the crate documentation for the exact rule).
///
/// `*output_len` is in/out and counts bytes: on entry it holds the capacity of the output
/// buffer, on return the number of bytes written, or with [`OUTPUT_TOO_SMALL`] the number of
/// bytes needed (nothing else is written then). The needed size is at most `input_len`.
///
/// Returns [`OK`]; [`OUTPUT_TOO_SMALL`]; [`INVALID_INPUT`] for input that is not UTF-8 (checked
/// before anything is written, so `*output_len` keeps the capacity), a null `output_len`, a
/// null or address-space-wrapping buffer that would have to be read or written, or an output
/// that overlaps the input; [`INTERNAL`] when called before `init` or after `cleanup`
/// (nothing is read or written then).
///
/// # Safety
///
/// The host guarantees that `input_ptr..input_ptr + input_len` is readable,
/// `output_ptr..output_ptr + capacity` is writable, the ranges do not overlap each other or
/// the length cell, and `output_len` points at 4 (on wasm32) readable and writable bytes.
/// Every pointer may have any alignment. When a length is 0 the matching pointer may be
/// dangling and is never dereferenced.
#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    // Acquire pairs with the Release store in `init`: a set flag means a complete table.
    if !READY.load(Ordering::Acquire) {
        return INTERNAL;
    }
    // Without the cell there is no way to report anything, not even the needed size.
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    // SAFETY: non-null, and the host guarantees the cell is valid. Fuzzing hosts place it at
    // odd addresses, so a plain `*output_len` (which assumes alignment) would be wrong.
    let capacity = unsafe { ptr::read_unaligned(output_len) };

    // SAFETY: the host guarantees the input range is readable and that nothing writes to it
    // during this call; `text` does not outlive the call.
    let text = match unsafe { input_text(input_ptr, input_len) } {
        Ok(text) => text,
        Err(code) => return code,
    };

    // First pass: measure, so that nothing is written unless everything fits. The count is
    // at most `input_len` (folding keeps lengths, separators replace whitespace), so it
    // cannot overflow.
    let needed = normalized(text, fold).count();
    if needed > capacity {
        // SAFETY: as above. Only the needed size is reported; the output is not touched.
        unsafe { ptr::write_unaligned(output_len, needed) };
        return OUTPUT_TOO_SMALL;
    }

    let mut written: usize = 0;
    if needed > 0 {
        if !output_is_usable(output_ptr as usize, needed, input_ptr as usize, input_len) {
            return INVALID_INPUT;
        }
        // Second pass: write. `written < needed` bounds the writes by construction, whatever
        // the iterator yields.
        for byte in normalized(text, fold) {
            if written >= needed {
                break;
            }
            // SAFETY: `written < needed <= capacity`, and the host guarantees `capacity`
            // bytes are writable at `output_ptr`, so `output_ptr + written` is inside the
            // buffer. A `u8` needs no alignment.
            unsafe { output_ptr.add(written).write(byte) };
            written += 1;
        }
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, written) };
    OK
}

/// Reads the host's input as UTF-8 text, or returns [`INVALID_INPUT`].
///
/// # Safety
///
/// When `len > 0`, `ptr..ptr + len` must be readable and must not be written while the
/// returned `&str` is alive.
unsafe fn input_text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, i32> {
    if len == 0 {
        // The pointer may be dangling: no slice is built from it, not even an empty one.
        return Ok("");
    }
    if !range_is_addressable(ptr as usize, len) {
        return Err(INVALID_INPUT);
    }
    // SAFETY: `ptr` is non-null, `ptr..ptr + len` does not wrap and is at most isize::MAX
    // bytes (checked above), `u8` needs no alignment, and the host guarantees the range is
    // readable and unchanged during the call (the caller's contract).
    let bytes = unsafe { slice::from_raw_parts(ptr, len) };
    str::from_utf8(bytes).map_err(|_| INVALID_INPUT)
}

/// True when `start..start + len` is a range a slice could be built from, as far as a plugin
/// can tell without dereferencing it: not null, not wrapping around the address space, and at
/// most `isize::MAX` bytes long (a requirement of `slice::from_raw_parts`).
fn range_is_addressable(start: usize, len: usize) -> bool {
    start != 0 && start.checked_add(len).is_some() && len <= isize::MAX as usize
}

/// True when the output range `start..start + len` (non-empty) can be written: addressable,
/// and not overlapping the input. The ABI promises buffers never overlap; checking costs two
/// comparisons and turns a host bug into InvalidInput instead of undefined behaviour (writing
/// under the `&str` that borrows the input).
fn output_is_usable(start: usize, len: usize, input: usize, input_len: usize) -> bool {
    range_is_addressable(start, len) && !ranges_overlap(start, len, input, input_len)
}

/// True when the ranges `a..a + a_len` and `b..b + b_len` share a byte (an empty range shares
/// none). Callers have checked that the ranges do not wrap.
fn ranges_overlap(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    a_len > 0 && b_len > 0 && a < b.saturating_add(b_len) && b < a.saturating_add(a_len)
}

// ---------------------------------------------------------------------------------------------
// Allocator exports: where the host puts its buffers
// ---------------------------------------------------------------------------------------------

/// Alignment of every block `alloc` returns. The ABI accepts any alignment; 8 suits every
/// wasm scalar, and a fixed value is what lets `dealloc` rebuild the exact layout.
pub const ALLOC_ALIGN: usize = 8;

/// The layout of the block behind a request for `size` bytes: `max(size, 1)` bytes aligned to
/// [`ALLOC_ALIGN`]. A zero-size layout may not be passed to `std::alloc::alloc`, so a request
/// for 0 bytes gets a real, unique 1-byte block (which `dealloc(ptr, 0)` frees the same way).
/// `None` when no such layout exists (the size rounded up to 8 would pass `isize::MAX`).
fn block_layout(size: usize) -> Option<Layout> {
    // Newer `Layout::from_size_align` refuses sizes above `isize::MAX` itself; rustc 1.63's
    // only refuses sizes that overflow `usize` when rounded up. Checking here gives every
    // toolchain the same answer (on wasm32: null for 2 GiB and more).
    if size > isize::MAX as usize {
        return None;
    }
    Layout::from_size_align(size.max(1), ALLOC_ALIGN).ok()
}

/// Returns `size` bytes of this module's memory, 8-aligned, for the host's buffers, or null
/// (0) when they cannot be had. Never traps: an impossible size or an exhausted memory both
/// give null (std's `alloc` returns null on failure; only `handle_alloc_error`, never called
/// here, would abort). `alloc(0)` returns a unique non-null pointer.
///
/// Each block must be given back with [`dealloc`] and the same size. The host takes one block
/// per call and frees it afterwards, so memory stops growing once the allocator has a block of
/// the largest size in use: nothing leaks.
#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match block_layout(size) {
        // SAFETY: `block_layout` never returns a zero-size layout, the one precondition of
        // `std::alloc::alloc`. A null result (out of memory) is passed on to the host as is.
        Some(layout) => unsafe { std::alloc::alloc(layout) },
        None => ptr::null_mut(),
    }
}

/// Frees a block [`alloc`] returned. `dealloc(0, size)` does nothing, like `free(NULL)`.
///
/// # Safety
///
/// `ptr` must be null or a pointer `alloc(size)` returned with the same `size`, not freed
/// since. (Then `block_layout(size)` is the layout it was allocated with, exactly.)
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if ptr.is_null() {
        return;
    }
    // `None` would mean `alloc(size)` could not have returned this pointer; there is nothing
    // to free then, and doing nothing is the only choice that cannot trap.
    if let Some(layout) = block_layout(size) {
        // SAFETY: the caller's contract: `ptr` came from `alloc(size)`, which allocated it with
        // `block_layout(size)` (a pure function of `size`), and it is freed once.
        unsafe { std::alloc::dealloc(ptr, layout) };
    }
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// Returns a pointer to the static, NUL-terminated string `"text-normalize v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ptr::NonNull;
    use std::sync::{Mutex, MutexGuard};

    const CANARY: u8 = 0xAA;
    /// Canary bytes kept before and after every output buffer the tests hand out.
    const GUARD: usize = 8;

    /// The plugin's state is global, and the test harness runs tests on several threads: every
    /// test that calls `init`, `cleanup` or `process` holds this lock.
    static LIFECYCLE: Mutex<()> = Mutex::new(());

    fn lock() -> MutexGuard<'static, ()> {
        LIFECYCLE
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Holds the lock with the plugin initialized, as the host leaves it before calls.
    fn ready() -> MutexGuard<'static, ()> {
        let guard = lock();
        assert_eq!(init(), OK);
        guard
    }

    /// An independent oracle, from std's own definitions.
    fn oracle(text: &str) -> String {
        text.split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Result of one `process` call through a real, canary-guarded buffer.
    #[derive(Debug)]
    struct Call {
        rc: i32,
        len: usize,
        /// The output buffer itself (without guards).
        out: Vec<u8>,
    }

    /// Calls `process` with `capacity` bytes of output at misalignment `misalign`, the length
    /// cell at misalignment `cell_misalign` and the input at misalignment `in_misalign`.
    /// Checks the guards, the input and the cell's neighbours are untouched. The caller holds
    /// the lifecycle lock.
    fn call_at(
        input: &[u8],
        capacity: usize,
        misalign: usize,
        cell_misalign: usize,
        in_misalign: usize,
    ) -> Call {
        let mut buf = vec![CANARY; GUARD + misalign + capacity + GUARD];
        let mut cell = vec![0x55_u8; cell_misalign + core::mem::size_of::<usize>() + 1];
        let mut inbuf = vec![0x77_u8; in_misalign + input.len()];
        inbuf[in_misalign..].copy_from_slice(input);
        let before = inbuf.clone();

        let out_ptr = unsafe { buf.as_mut_ptr().add(GUARD + misalign) };
        let cell_ptr = unsafe { cell.as_mut_ptr().add(cell_misalign) } as *mut usize;
        unsafe { ptr::write_unaligned(cell_ptr, capacity) };
        let in_ptr = unsafe { inbuf.as_ptr().add(in_misalign) };
        let rc = unsafe { process(in_ptr, input.len(), out_ptr, cell_ptr) };
        let len = unsafe { ptr::read_unaligned(cell_ptr) };

        assert_eq!(inbuf, before, "modified the input");
        let start = GUARD + misalign;
        assert!(
            buf[..start].iter().all(|&b| b == CANARY),
            "wrote before the output"
        );
        assert!(
            buf[start + capacity..].iter().all(|&b| b == CANARY),
            "wrote past the capacity"
        );
        assert!(
            cell[..cell_misalign].iter().all(|&b| b == 0x55),
            "wrote before the length cell"
        );
        assert_eq!(*cell.last().unwrap(), 0x55, "wrote past the length cell");
        Call {
            rc,
            len,
            out: buf[start..start + capacity].to_vec(),
        }
    }

    fn call(input: &[u8], capacity: usize) -> Call {
        call_at(input, capacity, 0, 0, 0)
    }

    /// Normalizes with ample capacity and returns the output as text.
    fn normalize(text: &str) -> String {
        let call = call(text.as_bytes(), text.len() + 8);
        assert_eq!(call.rc, OK, "{:?}", text);
        String::from_utf8(call.out[..call.len].to_vec()).expect("output is UTF-8")
    }

    #[test]
    fn normalizes_as_documented() {
        let _guard = ready();
        assert_eq!(normalize("Hello World"), "hello world");
        assert_eq!(normalize("  Hello,\t\tWORLD!\n"), "hello, world!");
        assert_eq!(normalize("a \r\n\x0B\x0C b"), "a b");
        // Unicode White_Space separates words too, and becomes one ASCII space.
        assert_eq!(
            normalize("\u{3000}One\u{00A0}\u{2003}Two\u{2029}"),
            "one two"
        );
        // Not White_Space: zero-width space (U+200B) and NUL are kept inside a word.
        assert_eq!(normalize("a\u{200B}B c\0D"), "a\u{200B}b c\0d");
        // Only ASCII letters are lowercased; other characters are copied as they are.
        assert_eq!(
            normalize("ÉCOLE Straße ΣΊΣΥΦΟΣ 🦀X"),
            "École straße ΣΊΣΥΦΟΣ 🦀x"
        );
        assert_eq!(normalize("already normal"), "already normal");
    }

    #[test]
    fn empty_and_blank_inputs_give_empty_output() {
        let _guard = ready();
        for text in ["", " ", "\t\n  \u{3000}", "\u{85}"] {
            let call = call(text.as_bytes(), 4);
            assert_eq!((call.rc, call.len), (OK, 0), "{:?}", text);
            assert!(call.out.iter().all(|&b| b == CANARY));
        }
    }

    #[test]
    fn empty_input_with_dangling_pointers_succeeds() {
        let _guard = ready();
        let dangling_in = NonNull::<u8>::dangling().as_ptr() as *const u8;
        for input_ptr in [dangling_in, ptr::null()] {
            for output_ptr in [NonNull::<u8>::dangling().as_ptr(), ptr::null_mut()] {
                let mut len = 0_usize;
                let rc = unsafe { process(input_ptr, 0, output_ptr, &mut len) };
                assert_eq!((rc, len), (OK, 0));
            }
        }
        // Blank input needs no output either, so the output pointer is never used.
        let mut len = 0_usize;
        let rc = unsafe { process(b"   ".as_ptr(), 3, ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (OK, 0));
    }

    #[test]
    fn exact_capacity_succeeds() {
        let _guard = ready();
        let call = call(b"  A  B  ", 3);
        assert_eq!((call.rc, call.len), (OK, 3));
        assert_eq!(call.out, b"a b");
    }

    #[test]
    fn spare_capacity_is_left_untouched() {
        let _guard = ready();
        let call = call(b"X  Y", 10);
        assert_eq!((call.rc, call.len), (OK, 3));
        assert_eq!(&call.out[..3], b"x y");
        assert!(call.out[3..].iter().all(|&b| b == CANARY));
    }

    #[test]
    fn too_small_reports_needed_size_and_writes_nothing() {
        let _guard = ready();
        for capacity in 0..3 {
            let call = call(b" A  B ", capacity);
            assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, 3));
            assert!(call.out.iter().all(|&b| b == CANARY));
        }
        // Zero capacity with a dangling output pointer, as a host may pass.
        let mut len = 0_usize;
        let dangling = NonNull::<u8>::dangling().as_ptr();
        let rc = unsafe { process(b"x".as_ptr(), 1, dangling, &mut len) };
        assert_eq!((rc, len), (OUTPUT_TOO_SMALL, 1));
    }

    #[test]
    fn invalid_utf8_is_rejected_before_anything_is_written() {
        let _guard = ready();
        for input in [
            &b"\xFF"[..],
            b"abc \xC3",
            b"\x80 x",
            b"\xED\xA0\x80",
            b"ok \xF4\x90\x80\x80",
        ] {
            // Even when the output would also be too small, -1 wins and the cell keeps the
            // capacity.
            for capacity in [0, 2, 64] {
                let call = call(input, capacity);
                assert_eq!(
                    (call.rc, call.len),
                    (INVALID_INPUT, capacity),
                    "{:?}",
                    input
                );
                assert!(call.out.iter().all(|&b| b == CANARY));
            }
        }
    }

    #[test]
    fn invalid_pointers_are_rejected_without_writing() {
        let _guard = ready();
        let rc = unsafe { process(b"x".as_ptr(), 1, ptr::null_mut(), ptr::null_mut()) };
        assert_eq!(rc, INVALID_INPUT);

        let mut output = [CANARY; 4];
        let mut len = 4_usize;
        let rc = unsafe { process(ptr::null(), 1, output.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, output), (INVALID_INPUT, 4, [CANARY; 4]));

        let rc = unsafe { process(b"x".as_ptr(), 1, ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 4));

        let near_end = usize::MAX as *const u8;
        let rc = unsafe { process(near_end, 2, output.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, output), (INVALID_INPUT, 4, [CANARY; 4]));

        let near_end = (usize::MAX - 1) as *mut u8;
        let rc = unsafe { process(b"ab".as_ptr(), 2, near_end, &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 4));
    }

    #[test]
    fn output_overlapping_the_input_is_rejected() {
        let _guard = ready();
        let mut buf = *b"AB CD\0\0\0";
        let mut len = 5_usize;
        let base = buf.as_mut_ptr();
        let rc = unsafe { process(base, 5, base.wrapping_add(1), &mut len) };
        assert_eq!((rc, len, &buf), (INVALID_INPUT, 5, b"AB CD\0\0\0"));
    }

    #[test]
    fn every_misalignment_of_output_cell_and_input() {
        let _guard = ready();
        let text = b"  Misaligned   BUFFERS\teverywhere ";
        let expected = b"misaligned buffers everywhere";
        let needed = expected.len();
        for misalign in 0..8 {
            for cell_misalign in 0..8 {
                let in_misalign = (misalign + cell_misalign) % 8;
                let call = call_at(text, needed, misalign, cell_misalign, in_misalign);
                assert_eq!((call.rc, call.len), (OK, needed));
                assert_eq!(call.out, expected);

                let call = call_at(text, needed - 1, misalign, cell_misalign, in_misalign);
                assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, needed));
                assert!(call.out.iter().all(|&b| b == CANARY));
            }
        }
    }

    #[test]
    fn process_before_init_and_after_cleanup_is_internal() {
        let _guard = lock();
        cleanup();
        let mut output = [CANARY; 8];
        let mut len = 8_usize;
        let rc = unsafe { process(b"A b".as_ptr(), 3, output.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, output), (INTERNAL, 8, [CANARY; 8]));

        assert_eq!(init(), OK);
        let rc = unsafe { process(b"A b".as_ptr(), 3, output.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, &output[..3]), (OK, 3, &b"a b"[..]));

        cleanup();
        let mut len = 8_usize;
        let rc = unsafe { process(b"C".as_ptr(), 1, output.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, &output[..3]), (INTERNAL, 8, &b"a b"[..]));
        assert!(FOLD.iter().all(|slot| slot.load(Ordering::Relaxed) == 0));
    }

    #[test]
    fn cleanup_without_init_or_calls_and_twice_is_harmless() {
        let _guard = lock();
        cleanup();
        cleanup();
        assert_eq!(init(), OK);
        cleanup();
        // Reload: init after cleanup behaves like the first init.
        assert_eq!(init(), OK);
        assert_eq!(normalize(" Reloaded "), "reloaded");
    }

    #[test]
    fn init_builds_the_fold_table_and_logs_one_line() {
        let _guard = lock();
        let before = HOST_LOG.lock().unwrap_or_else(|p| p.into_inner()).len();
        assert_eq!(init(), OK);
        let log = HOST_LOG.lock().unwrap_or_else(|p| p.into_inner());
        assert_eq!(log.len(), before + 1);
        assert_eq!(
            log.last().map(Vec::as_slice),
            Some(&b"text-normalize: ready"[..])
        );
        drop(log);
        for byte in 0..=u8::MAX {
            assert_eq!(fold(byte), byte.to_ascii_lowercase());
        }
        // process logs nothing.
        let _ = normalize("Quiet Please");
        assert_eq!(
            HOST_LOG.lock().unwrap_or_else(|p| p.into_inner()).len(),
            before + 1
        );
    }

    #[test]
    fn is_white_space_is_char_is_whitespace() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert_eq!(is_white_space(c), c.is_whitespace(), "{:?}", c);
        }
    }

    #[test]
    fn calls_are_deterministic() {
        let _guard = ready();
        let first = call(" Same  INPUT, same output ".as_bytes(), 32);
        for _ in 0..3 {
            let _ = call(b"something else entirely", 32);
            let again = call(" Same  INPUT, same output ".as_bytes(), 32);
            assert_eq!(
                (again.rc, again.len, &again.out),
                (first.rc, first.len, &first.out)
            );
        }
    }

    /// xorshift64*: a tiny deterministic generator, so the fuzz test needs no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn fuzz_against_the_oracle() {
        let _guard = ready();
        // Pieces that exercise ASCII and Unicode whitespace, case, multi-byte characters and
        // invalid UTF-8 (lone bytes from the last entries).
        let pieces: [&[u8]; 16] = [
            b"a",
            b"Word",
            b"XYZ",
            b" ",
            b"\t",
            b"\n",
            "\u{00A0}".as_bytes(),
            "\u{3000}".as_bytes(),
            "É".as_bytes(),
            "🦀".as_bytes(),
            "\u{200B}".as_bytes(),
            b"\r\n",
            b"@[`{",
            b"\xC3",
            b"\x80",
            b"\xFF",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let mut input = Vec::new();
            for _ in 0..rng.below(14) {
                // Mostly valid pieces, so most inputs are valid UTF-8.
                let limit = if rng.below(4) == 0 { 16 } else { 13 };
                input.extend_from_slice(pieces[rng.below(limit)]);
            }
            let misalign = rng.below(8);
            let cell_misalign = rng.below(8);
            let in_misalign = rng.below(8);
            match str::from_utf8(&input) {
                Err(_) => {
                    let capacity = rng.below(40);
                    let call = call_at(&input, capacity, misalign, cell_misalign, in_misalign);
                    assert_eq!((call.rc, call.len), (INVALID_INPUT, capacity));
                    assert!(call.out.iter().all(|&b| b == CANARY));
                }
                Ok(text) => {
                    assert!(words(text).eq(text.split_whitespace()), "{:?}", text);
                    let expected = oracle(text);
                    let needed = expected.len();
                    assert!(needed <= input.len());
                    let capacity = rng.below(needed + 3);
                    let call = call_at(&input, capacity, misalign, cell_misalign, in_misalign);
                    if capacity < needed {
                        assert_eq!(
                            (call.rc, call.len),
                            (OUTPUT_TOO_SMALL, needed),
                            "{:?}",
                            text
                        );
                        assert!(call.out.iter().all(|&b| b == CANARY));
                    } else {
                        assert_eq!((call.rc, call.len), (OK, needed), "{:?}", text);
                        assert_eq!(call.out[..needed], *expected.as_bytes(), "{:?}", text);
                        assert!(call.out[needed..].iter().all(|&b| b == CANARY));
                    }
                }
            }
        }
    }

    #[test]
    fn alloc_returns_aligned_writable_blocks_and_dealloc_frees_them() {
        for size in [0, 1, 7, 8, 100, 4096, 70_000] {
            let block = alloc(size);
            assert!(!block.is_null(), "alloc({}) returned null", size);
            assert_eq!(block as usize % ALLOC_ALIGN, 0);
            if size > 0 {
                // The whole block is writable.
                unsafe { ptr::write_bytes(block, 0x5A, size) };
                let bytes = unsafe { slice::from_raw_parts(block, size) };
                assert!(bytes.iter().all(|&b| b == 0x5A));
            }
            unsafe { dealloc(block, size) };
        }
        // Two live blocks are distinct, even of size 0.
        let (a, b) = (alloc(0), alloc(0));
        assert_ne!(a, b);
        unsafe {
            dealloc(a, 0);
            dealloc(b, 0);
        }
    }

    #[test]
    fn alloc_returns_null_instead_of_failing() {
        for size in [usize::MAX, usize::MAX - 7, isize::MAX as usize] {
            assert!(alloc(size).is_null(), "alloc({}) did not return null", size);
        }
        // Freeing null, or with a size alloc could never have returned, does nothing.
        unsafe {
            dealloc(ptr::null_mut(), 0);
            dealloc(ptr::null_mut(), 16);
            dealloc(NonNull::<u8>::dangling().as_ptr(), usize::MAX);
        }
    }

    #[test]
    fn buffers_from_alloc_work_with_process() {
        let _guard = ready();
        let input = b"  From  ALLOC ";
        let expected = b"from alloc";
        let block = alloc(input.len() + expected.len() + 4);
        assert!(!block.is_null());
        unsafe {
            ptr::copy_nonoverlapping(input.as_ptr(), block, input.len());
            let out = block.add(input.len());
            // The length cell right after the output, at an odd address.
            let cell = out.add(expected.len()) as *mut usize;
            ptr::write_unaligned(cell, expected.len());
            assert_eq!(process(block, input.len(), out, cell), OK);
            assert_eq!(ptr::read_unaligned(cell), expected.len());
            assert_eq!(slice::from_raw_parts(out, expected.len()), expected);
            dealloc(block, input.len() + expected.len() + 4);
        }
    }

    #[test]
    fn info_and_version_agree() {
        let info = unsafe { std::ffi::CStr::from_ptr(plugin_info() as *const _) };
        assert_eq!(info.to_bytes_with_nul(), b"text-normalize v1.0.0\0");
        assert_eq!(plugin_version(), 1 << 16);
        assert_eq!(plugin_version(), VERSION);
    }

    #[test]
    fn return_codes_match_the_abi() {
        assert_eq!(
            [OK, INVALID_INPUT, OUT_OF_MEMORY, OUTPUT_TOO_SMALL, INTERNAL],
            [0, -1, -2, -3, -99]
        );
    }
}
