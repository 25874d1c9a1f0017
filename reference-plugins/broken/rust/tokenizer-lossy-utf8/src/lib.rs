//! BROKEN FIXTURE `tokenizer-lossy-utf8`: invalid UTF-8 is tokenized instead of rejected.
//!
//! The tokenizer reference plugin (reference-plugins/tokenizer) with the input decoding both
//! exports share changed to the "never fail" habit:
//!
//! ```ignore
//! Ok(String::from_utf8_lossy(bytes))   // instead of str::from_utf8(..).map_err(..)
//! ```
//!
//! Nothing traps and every call returns a valid code, but input that is not UTF-8 gets ids
//! (for words containing U+FFFD) and 0 where the guide's tokenizer returns -1 (InvalidInput),
//! so a host cannot tell garbage from text. Valid text is tokenized exactly like the reference.
//!
//! Must fail exactly: ZC-TOK-001 (`tokenize` returns -1 for input that is not UTF-8).
//!
//! Exports: `tokenize`, `process`, `plugin_info`, `plugin_version`, `alloc`, `dealloc` (and
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
// `unsafe extern "C"` entry points, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::{ptr, slice, str};
use std::alloc::Layout;
use std::borrow::Cow;

/// Return codes of `process` and `tokenize`, as fixed by the ABI.
pub const OK: i32 = 0;
pub const INVALID_INPUT: i32 = -1;
pub const OUT_OF_MEMORY: i32 = -2;
pub const OUTPUT_TOO_SMALL: i32 = -3;
pub const INTERNAL: i32 = -99;

/// Size of one token id in the output, in bytes.
pub const ID_BYTES: usize = core::mem::size_of::<u32>();

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

/// The guide's token id: `hash = hash * 31 + byte` over the word's UTF-8 bytes, starting at 0,
/// wrapping modulo 2^32 (Java's `String.hashCode` recurrence, over bytes).
pub fn simple_hash(word: &str) -> u32 {
    let mut hash: u32 = 0;
    for byte in word.bytes() {
        hash = hash.wrapping_mul(31).wrapping_add(u32::from(byte));
    }
    hash
}

/// Unicode's `White_Space` property: exactly what `char::is_whitespace` answers (a unit test
/// compares the two for every `char`).
///
/// Why not call `char::is_whitespace`: for non-ASCII characters it searches a table in core
/// with bounds checks the optimizer cannot remove, so a module using it links std's whole
/// panic machinery (about 44 KB, and the WASI imports `fd_write`, `environ_get`,
/// `environ_sizes_get` and `proc_exit`) even though those checks never fail. A `match`
/// compiles to comparisons that cannot panic. The set has not changed since Unicode 6.3.
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

/// The token ids of `text`, in order. Both passes over the text (count, then write) use this
/// one definition, so they cannot disagree.
pub fn token_ids(text: &str) -> impl Iterator<Item = u32> + '_ {
    words(text).map(simple_hash)
}

/// Splits UTF-8 text on whitespace and writes one `u32` token id per word.
///
/// `*output_len` is in/out and counts `u32` elements: on entry it holds the capacity of the
/// output buffer, on return the number of ids written, or with [`OUTPUT_TOO_SMALL`] the
/// number of ids the text has (nothing else is written then). Ids are stored in the wasm
/// memory's byte order (little-endian) at any alignment.
///
/// Returns [`OK`], [`OUTPUT_TOO_SMALL`], or [`INVALID_INPUT`] for input that is not UTF-8 (this
/// is checked before anything is written), a null `output_len`, a null or
/// address-space-wrapping buffer that would have to be read or written, or an output that
/// overlaps the input.
///
/// # Safety
///
/// The host guarantees that `input_ptr..input_ptr + input_len` is readable,
/// `output_ptr..output_ptr + 4 * capacity` is writable, the ranges do not overlap each other
/// or the length cell, and `output_len` points at 4 (on wasm32) readable and writable bytes.
/// Every pointer may have any alignment. When a length is 0 the matching pointer may be
/// dangling and is never dereferenced.
#[no_mangle]
pub unsafe extern "C" fn tokenize(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u32,
    output_len: *mut usize,
) -> i32 {
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

    // First pass: count, so that nothing is written unless everything fits.
    let count = token_ids(&text).count();
    if count > capacity {
        // SAFETY: as above. Only the needed count is reported; the output is not touched.
        unsafe { ptr::write_unaligned(output_len, count) };
        return OUTPUT_TOO_SMALL;
    }

    let mut written: usize = 0;
    if count > 0 {
        let usable = count.checked_mul(ID_BYTES).map_or(false, |bytes| {
            output_is_usable(output_ptr as usize, bytes, input_ptr as usize, input_len)
        });
        if !usable {
            return INVALID_INPUT;
        }
        // Second pass: write. `written < count` bounds the writes by construction, whatever
        // the iterator yields.
        for id in token_ids(&text) {
            if written >= count {
                break;
            }
            // SAFETY: `written < count <= capacity`, and the host guarantees `capacity` u32
            // elements are writable at `output_ptr`, so `output_ptr + written` is inside the
            // buffer. The buffer may be at any alignment, hence `write_unaligned`.
            unsafe { ptr::write_unaligned(output_ptr.add(written), id) };
            written += 1;
        }
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, written) };
    OK
}

/// Tokenizes exactly like [`tokenize`] but writes the ids as little-endian `u32` bytes, so it
/// fits the byte-oriented `process` signature every plugin exports.
///
/// `*output_len` is in/out and counts bytes: on entry the capacity, on return the bytes
/// written (4 per word), or with [`OUTPUT_TOO_SMALL`] the bytes needed (nothing else is
/// written then).
///
/// Returns the same codes as [`tokenize`]; additionally [`INVALID_INPUT`] if `4 × words` does
/// not fit a `usize` (on wasm32 that takes 2^30 words: an input of 2^31 - 1 bytes).
///
/// # Safety
///
/// As for [`tokenize`], except that the output buffer holds `capacity` bytes.
#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    // SAFETY: non-null, and the host guarantees the cell is valid, at any alignment.
    let capacity = unsafe { ptr::read_unaligned(output_len) };

    // SAFETY: as in `tokenize`.
    let text = match unsafe { input_text(input_ptr, input_len) } {
        Ok(text) => text,
        Err(code) => return code,
    };

    let needed = match token_ids(&text).count().checked_mul(ID_BYTES) {
        Some(needed) => needed,
        None => return INVALID_INPUT,
    };
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
        for id in token_ids(&text) {
            let end = match written.checked_add(ID_BYTES) {
                Some(end) if end <= needed => end,
                _ => break,
            };
            let bytes = id.to_le_bytes();
            // SAFETY: `written..end` lies inside `0..needed`, and `needed <= capacity`, the
            // number of bytes the host guarantees writable at `output_ptr`. `bytes` is a local
            // array, so the two ranges cannot overlap. Byte copies need no alignment.
            unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), output_ptr.add(written), ID_BYTES) };
            written = end;
        }
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, written) };
    OK
}

/// Reads the host's input as text, or returns [`INVALID_INPUT`] for a null or wrapping range.
/// Invalid UTF-8 is replaced with U+FFFD instead of being rejected (the bug).
///
/// # Safety
///
/// When `len > 0`, `ptr..ptr + len` must be readable and must not be written while the
/// returned `&str` is alive.
unsafe fn input_text<'a>(ptr: *const u8, len: usize) -> Result<Cow<'a, str>, i32> {
    if len == 0 {
        // The pointer may be dangling: no slice is built from it, not even an empty one.
        return Ok(Cow::Borrowed(""));
    }
    if !range_is_addressable(ptr as usize, len) {
        return Err(INVALID_INPUT);
    }
    // SAFETY: `ptr` is non-null, `ptr..ptr + len` does not wrap and is at most isize::MAX
    // bytes (checked above), `u8` needs no alignment, and the host guarantees the range is
    // readable and unchanged during the call (the caller's contract).
    let bytes = unsafe { slice::from_raw_parts(ptr, len) };
    // THE BUG: invalid sequences become U+FFFD and get tokenized, where the ABI asks for
    // `str::from_utf8(bytes).map_err(|_| INVALID_INPUT)`.
    Ok(String::from_utf8_lossy(bytes))
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

/// Returns a pointer to the static, NUL-terminated string `"tokenizer-lossy-utf8 v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}
