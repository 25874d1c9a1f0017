//! Zenith reference plugin `tokenizer`: splits UTF-8 text into words and writes one `u32`
//! token id per word.
//!
//! It implements the guide's "Text Tokenizer Plugin" example with every ABI point made
//! precise, and is meant to be copied as the starting point of a text plugin. See README.md.
//!
//! Exports: `tokenize` (ids as `u32` elements), `process` (the same ids as little-endian
//! bytes), `plugin_info`, `plugin_version` (and the module's `memory`).
//! Deliberately absent: `init`, `cleanup`, `alloc`, `dealloc`, `_start` (the host owns every
//! buffer, and a plugin with no state has nothing to set up or tear down).
//!
//! Tokenization: the words are exactly `str::split_whitespace` (runs of characters separated
//! by Unicode `White_Space`, empty words dropped), and a word's id is [`simple_hash`] of its
//! UTF-8 bytes, the guide's stand-in for a vocabulary lookup.

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry points, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::{ptr, slice, str};

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
    let count = token_ids(text).count();
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
        for id in token_ids(text) {
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

    let needed = match token_ids(text).count().checked_mul(ID_BYTES) {
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
        for id in token_ids(text) {
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

/// Returns a pointer to the static, NUL-terminated string `"tokenizer v1.0.0"`.
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

    const CANARY: u8 = 0xAA;
    /// Canary bytes kept before and after every output buffer the tests hand out.
    const GUARD: usize = 8;

    /// An independent oracle: splits on `char::is_whitespace` by hand and hashes in u64.
    fn oracle(text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut word = String::new();
        for c in text.chars().chain(core::iter::once(' ')) {
            if c.is_whitespace() {
                if !word.is_empty() {
                    let mut hash: u64 = 0;
                    for b in word.bytes() {
                        hash = (hash * 31 + u64::from(b)) % (1 << 32);
                    }
                    ids.push(hash as u32);
                    word.clear();
                }
            } else {
                word.push(c);
            }
        }
        ids
    }

    fn le_bytes(ids: &[u32]) -> Vec<u8> {
        ids.iter().flat_map(|id| id.to_le_bytes()).collect()
    }

    /// Result of one call through a real, canary-guarded buffer.
    #[derive(Debug)]
    struct Call {
        rc: i32,
        len: usize,
        /// The output buffer itself (without guards).
        out: Vec<u8>,
    }

    /// Calls `tokenize` (elements) or `process` (bytes) with `capacity` units of output at
    /// byte misalignment `misalign`, the length cell at misalignment `cell_misalign`, and the
    /// input at misalignment `in_misalign`. Checks the guards, the input and the cell's
    /// neighbours are untouched.
    fn call_at(
        bytes_api: bool,
        input: &[u8],
        capacity: usize,
        misalign: usize,
        cell_misalign: usize,
        in_misalign: usize,
    ) -> Call {
        let unit = if bytes_api { 1 } else { ID_BYTES };
        let out_bytes = capacity * unit;
        let mut buf = vec![CANARY; GUARD + misalign + out_bytes + GUARD];
        let mut cell = vec![0x55_u8; cell_misalign + core::mem::size_of::<usize>() + 1];
        let mut inbuf = vec![0x77_u8; in_misalign + input.len()];
        inbuf[in_misalign..].copy_from_slice(input);
        let before = inbuf.clone();

        let out_ptr = unsafe { buf.as_mut_ptr().add(GUARD + misalign) };
        let cell_ptr = unsafe { cell.as_mut_ptr().add(cell_misalign) } as *mut usize;
        unsafe { ptr::write_unaligned(cell_ptr, capacity) };
        let in_ptr = unsafe { inbuf.as_ptr().add(in_misalign) };
        let rc = unsafe {
            if bytes_api {
                process(in_ptr, input.len(), out_ptr, cell_ptr)
            } else {
                tokenize(in_ptr, input.len(), out_ptr as *mut u32, cell_ptr)
            }
        };
        let len = unsafe { ptr::read_unaligned(cell_ptr) };

        assert_eq!(inbuf, before, "modified the input");
        let start = GUARD + misalign;
        assert!(
            buf[..start].iter().all(|&b| b == CANARY),
            "wrote before the output"
        );
        assert!(
            buf[start + out_bytes..].iter().all(|&b| b == CANARY),
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
            out: buf[start..start + out_bytes].to_vec(),
        }
    }

    fn tok(input: &[u8], capacity: usize) -> Call {
        call_at(false, input, capacity, 0, 0, 0)
    }

    fn proc(input: &[u8], capacity: usize) -> Call {
        call_at(true, input, capacity, 0, 0, 0)
    }

    #[test]
    fn simple_hash_matches_the_guide() {
        assert_eq!(simple_hash(""), 0);
        assert_eq!(simple_hash("a"), 97);
        assert_eq!(simple_hash("ab"), 97 * 31 + 98);
        assert_eq!(simple_hash("hello"), 99_162_322);
        // Wraps modulo 2^32 rather than overflowing.
        let long = "z".repeat(100);
        assert_eq!(simple_hash(&long), oracle(&long)[0]);
        // Hashes UTF-8 bytes, not chars: "ö" is C3 B6.
        assert_eq!(simple_hash("ö"), 0xC3 * 31 + 0xB6);
    }

    #[test]
    fn tokenize_writes_one_id_per_word() {
        let text = "hello  wörld\tfoo";
        let ids = oracle(text);
        assert_eq!(ids.len(), 3);
        assert_eq!(
            ids,
            [
                simple_hash("hello"),
                simple_hash("wörld"),
                simple_hash("foo")
            ]
        );
        let call = tok(text.as_bytes(), 3);
        assert_eq!((call.rc, call.len), (OK, 3));
        assert_eq!(call.out, le_bytes(&ids));
    }

    #[test]
    fn tokenize_with_spare_capacity_writes_only_the_words() {
        let call = tok(b"one two", 5);
        assert_eq!((call.rc, call.len), (OK, 2));
        assert_eq!(call.out[..8], le_bytes(&oracle("one two"))[..]);
        assert!(call.out[8..].iter().all(|&b| b == CANARY));
    }

    #[test]
    fn tokenize_too_small_reports_needed_count_and_writes_nothing() {
        for capacity in 0..3 {
            let call = tok(b"a b c", capacity);
            assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, 3));
            assert!(call.out.iter().all(|&b| b == CANARY));
        }
    }

    #[test]
    fn tokenize_zero_capacity_with_dangling_output() {
        let dangling = NonNull::<u32>::dangling().as_ptr();
        let mut len = 0_usize;
        let rc = unsafe { tokenize(b"x".as_ptr(), 1, dangling, &mut len) };
        assert_eq!((rc, len), (OUTPUT_TOO_SMALL, 1));

        // No words: nothing to write, so a dangling (or null) output is fine.
        let mut len = 0_usize;
        let rc = unsafe { tokenize(b" \t\n ".as_ptr(), 4, dangling, &mut len) };
        assert_eq!((rc, len), (OK, 0));
        let mut len = 0_usize;
        let rc = unsafe { tokenize(b"  ".as_ptr(), 2, ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (OK, 0));
    }

    #[test]
    fn empty_input_with_dangling_pointers_succeeds() {
        for bytes_api in [false, true] {
            let dangling_in = NonNull::<u8>::dangling().as_ptr() as *const u8;
            for input_ptr in [dangling_in, ptr::null()] {
                let mut len = 0_usize;
                let rc = unsafe {
                    if bytes_api {
                        process(input_ptr, 0, NonNull::dangling().as_ptr(), &mut len)
                    } else {
                        tokenize(input_ptr, 0, NonNull::dangling().as_ptr(), &mut len)
                    }
                };
                assert_eq!((rc, len), (OK, 0));
            }
            let call = call_at(bytes_api, b"", 4, 0, 0, 0);
            assert_eq!((call.rc, call.len), (OK, 0));
            assert!(call.out.iter().all(|&b| b == CANARY));
        }
    }

    #[test]
    fn is_white_space_agrees_with_std_for_every_char() {
        let mut count = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_white_space(c),
                c.is_whitespace(),
                "U+{:04X}",
                u32::from(c)
            );
            count += usize::from(is_white_space(c));
        }
        assert_eq!(count, 25, "Unicode White_Space has 25 code points");
    }

    #[test]
    fn words_are_split_whitespace() {
        let texts = [
            "",
            " ",
            "a",
            " a ",
            "a  b\t\tc\n",
            "\u{3000}x\u{00A0}\u{00A0}y\u{1680}z\u{180E}w",
            "é🦀 ü\r\n",
        ];
        for text in texts {
            assert!(words(text).eq(text.split_whitespace()), "{:?}", text);
        }
    }

    #[test]
    fn whitespace_is_unicode_white_space() {
        // NBSP, NEL, ideographic space, line/paragraph separators, and ASCII VT/FF/CR all
        // separate words; zero-width space (U+200B) is not White_Space and stays inside one.
        let text = "a\u{00A0}b\u{0085}c\u{3000}d\u{2028}e\u{2029}f\u{000B}g\u{000C}h\ri j\u{200B}k";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(
            words,
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j\u{200B}k"]
        );
        let call = tok(text.as_bytes(), 16);
        assert_eq!((call.rc, call.len), (OK, 10));
        assert_eq!(call.out[..40], le_bytes(&oracle(text))[..]);
    }

    #[test]
    fn leading_trailing_and_only_whitespace() {
        let call = tok(b"   \t\r\n  ", 2);
        assert_eq!((call.rc, call.len), (OK, 0));
        assert!(call.out.iter().all(|&b| b == CANARY));

        let call = tok(b"\n  word \t", 1);
        assert_eq!((call.rc, call.len), (OK, 1));
        assert_eq!(call.out, simple_hash("word").to_le_bytes());
    }

    #[test]
    fn invalid_utf8_is_rejected_before_anything_is_written() {
        let cases: [&[u8]; 7] = [
            b"\xff",
            b"ok \x80 ok",       // lone continuation byte
            b"trunc \xC3",       // truncated 2-byte sequence
            b"\xE2\x82",         // truncated 3-byte sequence
            b"\xC0\xAF",         // overlong '/'
            b"\xED\xA0\x80",     // UTF-16 surrogate
            b"\xF4\x90\x80\x80", // above U+10FFFF
        ];
        for input in cases {
            for bytes_api in [false, true] {
                // Even when the output would be too small, invalid input wins: -1, not -3,
                // and the cell keeps the capacity.
                for capacity in [0, 1, 64] {
                    let call = call_at(bytes_api, input, capacity, 0, 0, 0);
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
    }

    #[test]
    fn null_length_cell_is_invalid() {
        let mut out = [0_u32; 4];
        let rc = unsafe { tokenize(b"a".as_ptr(), 1, out.as_mut_ptr(), ptr::null_mut()) };
        assert_eq!(rc, INVALID_INPUT);
        let mut out = [0_u8; 4];
        let rc = unsafe { process(b"a".as_ptr(), 1, out.as_mut_ptr(), ptr::null_mut()) };
        assert_eq!(rc, INVALID_INPUT);
        assert_eq!(out, [0; 4]);
    }

    #[test]
    fn invalid_pointers_are_rejected_without_writing() {
        // Null input with a non-zero length.
        let mut len = 4_usize;
        let mut out = [CANARY; 16];
        let rc = unsafe { tokenize(ptr::null(), 3, out.as_mut_ptr() as *mut u32, &mut len) };
        assert_eq!((rc, len, out), (INVALID_INPUT, 4, [CANARY; 16]));
        let rc = unsafe { process(ptr::null(), 3, out.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, out), (INVALID_INPUT, 4, [CANARY; 16]));

        // Input that would wrap around the address space.
        let rc = unsafe { tokenize(usize::MAX as *const u8, 2, ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 4));

        // Null output when words must be written.
        let rc = unsafe { tokenize(b"a b".as_ptr(), 3, ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 4));
        let mut len = 8_usize;
        let rc = unsafe { process(b"a b".as_ptr(), 3, ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 8));

        // Output overlapping the input (the ABI forbids it; we refuse instead of aliasing).
        let mut shared = *b"ab cd\0\0\0\0\0\0\0";
        let before = shared;
        let base = shared.as_mut_ptr();
        let mut len = 2_usize;
        let rc = unsafe { tokenize(base, 5, base.add(4) as *mut u32, &mut len) };
        assert_eq!((rc, len, shared), (INVALID_INPUT, 2, before));
        let mut len = 8_usize;
        let rc = unsafe { process(base, 5, base.add(4), &mut len) };
        assert_eq!((rc, len, shared), (INVALID_INPUT, 8, before));
        // Adjacent is not overlapping.
        let rc = unsafe { process(base, 4, base.add(4), &mut len) };
        assert_eq!((rc, len), (OK, 8));
        assert_eq!(shared[4..], le_bytes(&oracle("ab c"))[..]);

        // Output that would wrap around the address space.
        let near_end = (usize::MAX - 3) as *mut u8;
        let rc = unsafe { process(b"a b".as_ptr(), 3, near_end, &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 8));
    }

    #[test]
    fn process_writes_little_endian_bytes() {
        let text = "hello  wörld\tfoo";
        let expected = le_bytes(&oracle(text));
        let call = proc(text.as_bytes(), 12);
        assert_eq!((call.rc, call.len), (OK, 12));
        assert_eq!(call.out, expected);
        // Spot-check the byte order by hand: "a" is 97 = 0x61.
        assert_eq!(proc(b"a", 4).out, [0x61, 0, 0, 0]);
    }

    #[test]
    fn process_capacity_counts_bytes() {
        // 4 * 3 words = 12 bytes needed.
        for capacity in [0, 1, 4, 11] {
            let call = proc(b"a b c", capacity);
            assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, 12));
            assert!(call.out.iter().all(|&b| b == CANARY));
        }
        // A capacity that is not a multiple of 4 is fine when it is large enough.
        for capacity in [12, 13, 15, 100] {
            let call = proc(b"a b c", capacity);
            assert_eq!((call.rc, call.len), (OK, 12));
            assert_eq!(call.out[..12], le_bytes(&oracle("a b c"))[..]);
            assert!(call.out[12..].iter().all(|&b| b == CANARY));
        }
    }

    #[test]
    fn process_and_tokenize_agree() {
        let text = "The quick  brown\tfox\njumps över the lazy dög 🦀";
        let t = tok(text.as_bytes(), 32);
        let p = proc(text.as_bytes(), 128);
        assert_eq!(t.rc, OK);
        assert_eq!(p.rc, OK);
        assert_eq!(t.len * ID_BYTES, p.len);
        assert_eq!(t.out[..t.len * 4], p.out[..p.len]);
    }

    #[test]
    fn every_misalignment_of_output_cell_and_input() {
        let text = b"misaligned buffers everywhere";
        let ids = le_bytes(&oracle("misaligned buffers everywhere"));
        for bytes_api in [false, true] {
            let capacity = if bytes_api { 12 } else { 3 };
            for misalign in 0..8 {
                for cell_misalign in 0..8 {
                    let in_misalign = (misalign + cell_misalign) % 8;
                    let call = call_at(
                        bytes_api,
                        text,
                        capacity,
                        misalign,
                        cell_misalign,
                        in_misalign,
                    );
                    assert_eq!((call.rc, call.len), (OK, capacity));
                    assert_eq!(call.out, ids);

                    let call = call_at(
                        bytes_api,
                        text,
                        capacity - 1,
                        misalign,
                        cell_misalign,
                        in_misalign,
                    );
                    assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, capacity));
                    assert!(call.out.iter().all(|&b| b == CANARY));
                }
            }
        }
    }

    #[test]
    fn calls_are_deterministic() {
        let first = tok("same input, same ids".as_bytes(), 8);
        for _ in 0..3 {
            let again = tok("same input, same ids".as_bytes(), 8);
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
        // Pieces that exercise ASCII and Unicode whitespace, multi-byte words and invalid
        // UTF-8 (lone bytes from the last entries).
        let pieces: [&[u8]; 14] = [
            b"a",
            b"word",
            b" ",
            b"\t",
            b"\n",
            "\u{00A0}".as_bytes(),
            "\u{3000}".as_bytes(),
            "é".as_bytes(),
            "🦀".as_bytes(),
            "\u{200B}".as_bytes(),
            b"\r\n",
            b"\xC3",
            b"\x80",
            b"\xFF",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3000 {
            let mut input = Vec::new();
            for _ in 0..rng.below(12) {
                // Mostly valid pieces, so most inputs are valid UTF-8.
                let limit = if rng.below(4) == 0 { 14 } else { 11 };
                input.extend_from_slice(pieces[rng.below(limit)]);
            }
            let bytes_api = rng.below(2) == 0;
            let misalign = rng.below(8);
            let cell_misalign = rng.below(8);
            let in_misalign = rng.below(8);
            match str::from_utf8(&input) {
                Err(_) => {
                    let capacity = rng.below(40);
                    let call = call_at(
                        bytes_api,
                        &input,
                        capacity,
                        misalign,
                        cell_misalign,
                        in_misalign,
                    );
                    assert_eq!((call.rc, call.len), (INVALID_INPUT, capacity));
                    assert!(call.out.iter().all(|&b| b == CANARY));
                }
                Ok(text) => {
                    assert!(words(text).eq(text.split_whitespace()), "{:?}", text);
                    let expected = le_bytes(&oracle(text));
                    let unit = if bytes_api { 1 } else { ID_BYTES };
                    let needed = expected.len() / unit;
                    let capacity = rng.below(needed + 3);
                    let call = call_at(
                        bytes_api,
                        &input,
                        capacity,
                        misalign,
                        cell_misalign,
                        in_misalign,
                    );
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
                        assert_eq!(call.out[..expected.len()], expected[..]);
                        assert!(call.out[expected.len()..].iter().all(|&b| b == CANARY));
                    }
                }
            }
        }
    }

    #[test]
    fn info_and_version_agree() {
        let info = unsafe { std::ffi::CStr::from_ptr(plugin_info() as *const _) };
        assert_eq!(info.to_bytes_with_nul(), b"tokenizer v1.0.0\0");
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
