//! Zenith reference plugin `echo`: `process` copies its input to its output unchanged.
//!
//! It is the smallest plugin that honours every point of the Zenith plugin ABI, and is meant
//! to be copied as the starting point of a new plugin. See README.md for the walk-through.
//!
//! Exports: `process`, `plugin_info`, `plugin_version` (and the module's `memory`).
//! Deliberately absent: `init`, `cleanup`, `alloc`, `dealloc`, `_start` (the host owns every
//! buffer, and a plugin with no state has nothing to set up or tear down).

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry point, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::ptr;

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

/// Copies `input_len` bytes from `input_ptr` to `output_ptr`.
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

/// Returns a pointer to the static, NUL-terminated string `"echo v1.0.0"`.
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

    /// Calls `process` with a real output buffer of `capacity` bytes pre-filled with 0xAA,
    /// and returns (return code, reported length, output buffer).
    fn call(input: &[u8], capacity: usize) -> (i32, usize, Vec<u8>) {
        let mut output = vec![0xAA_u8; capacity];
        let mut len = capacity;
        let rc = unsafe { process(input.as_ptr(), input.len(), output.as_mut_ptr(), &mut len) };
        (rc, len, output)
    }

    #[test]
    fn ample_capacity_copies_input() {
        let (rc, len, output) = call(b"hello", 16);
        assert_eq!(rc, OK);
        assert_eq!(len, 5);
        assert_eq!(&output[..5], b"hello");
        assert!(
            output[5..].iter().all(|&b| b == 0xAA),
            "wrote past the reported length"
        );
    }

    #[test]
    fn exact_capacity_copies_input() {
        let (rc, len, output) = call(b"hello", 5);
        assert_eq!(rc, OK);
        assert_eq!(len, 5);
        assert_eq!(output, b"hello");
    }

    #[test]
    fn too_small_capacity_reports_needed_size_and_writes_nothing() {
        let (rc, len, output) = call(b"hello", 4);
        assert_eq!(rc, OUTPUT_TOO_SMALL);
        assert_eq!(len, 5);
        assert_eq!(output, [0xAA; 4]);
    }

    #[test]
    fn zero_capacity_with_non_empty_input_is_too_small() {
        let mut len = 0_usize;
        let dangling = NonNull::<u8>::dangling().as_ptr();
        let rc = unsafe { process(b"x".as_ptr(), 1, dangling, &mut len) };
        assert_eq!(rc, OUTPUT_TOO_SMALL);
        assert_eq!(len, 1);
    }

    #[test]
    fn empty_input_with_capacity_succeeds() {
        let (rc, len, output) = call(b"", 8);
        assert_eq!(rc, OK);
        assert_eq!(len, 0);
        assert_eq!(output, [0xAA; 8]);
    }

    #[test]
    fn empty_input_with_zero_capacity_and_dangling_pointers_succeeds() {
        // Pointers that may not be dereferenced, as a host may pass for empty buffers.
        let dangling_in = NonNull::<u8>::dangling().as_ptr() as *const u8;
        let dangling_out = NonNull::<u8>::dangling().as_ptr();
        let mut len = 0_usize;
        let rc = unsafe { process(dangling_in, 0, dangling_out, &mut len) };
        assert_eq!(rc, OK);
        assert_eq!(len, 0);

        let mut len = 0_usize;
        let rc = unsafe { process(ptr::null(), 0, ptr::null_mut(), &mut len) };
        assert_eq!(rc, OK);
        assert_eq!(len, 0);
    }

    #[test]
    fn unaligned_length_cell_and_buffers() {
        let size = core::mem::size_of::<usize>();
        let mut cell = vec![0_u8; size + 1];
        let cell_ptr = unsafe { cell.as_mut_ptr().add(1) } as *mut usize;
        unsafe { ptr::write_unaligned(cell_ptr, 7) };
        let input = b"_unaligned";
        let mut output = vec![0_u8; 8];
        let rc = unsafe {
            process(
                input.as_ptr().add(1),
                9,
                output.as_mut_ptr().add(1),
                cell_ptr,
            )
        };
        assert_eq!(rc, OUTPUT_TOO_SMALL);
        assert_eq!(output, [0; 8]);
        assert_eq!(unsafe { ptr::read_unaligned(cell_ptr) }, 9);

        let mut output = vec![0_u8; 10];
        unsafe { ptr::write_unaligned(cell_ptr, 9) };
        let rc = unsafe {
            process(
                input.as_ptr().add(1),
                9,
                output.as_mut_ptr().add(1),
                cell_ptr,
            )
        };
        assert_eq!(rc, OK);
        assert_eq!(unsafe { ptr::read_unaligned(cell_ptr) }, 9);
        assert_eq!(&output[1..], b"unaligned");
        assert_eq!(cell[0], 0, "wrote before the length cell");
    }

    #[test]
    fn input_is_not_modified() {
        let input = b"do not touch".to_vec();
        let before = input.clone();
        let (rc, _, _) = call(&input, 64);
        assert_eq!(rc, OK);
        assert_eq!(input, before);
    }

    #[test]
    fn invalid_pointers_are_rejected_without_writing() {
        let rc = unsafe { process(b"x".as_ptr(), 1, ptr::null_mut(), ptr::null_mut()) };
        assert_eq!(rc, INVALID_INPUT);

        let mut output = [0xAA_u8; 4];
        let mut len = 4_usize;
        let rc = unsafe { process(ptr::null(), 1, output.as_mut_ptr(), &mut len) };
        assert_eq!(rc, INVALID_INPUT);
        assert_eq!((len, output), (4, [0xAA; 4]));

        let rc = unsafe { process(b"x".as_ptr(), 1, ptr::null_mut(), &mut len) };
        assert_eq!(rc, INVALID_INPUT);
        assert_eq!(len, 4);

        let near_end = usize::MAX as *const u8;
        let rc = unsafe { process(near_end, 2, output.as_mut_ptr(), &mut len) };
        assert_eq!(rc, INVALID_INPUT);
        assert_eq!((len, output), (4, [0xAA; 4]));
    }

    #[test]
    fn info_and_version_agree() {
        let info = unsafe { std::ffi::CStr::from_ptr(plugin_info() as *const _) };
        assert_eq!(info.to_bytes_with_nul(), b"echo v1.0.0\0");
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
