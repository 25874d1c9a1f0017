//! hexdump: a canonical hex+ASCII dump of the input, in the layout of `hexdump -C -v`: one line
//! per 16 bytes, "00000010  6c 6f 20 77 6f 72 6c 64  0a 00 ff 41 42 43 44 45  |lo world...ABCDE|",
//! the offset in 8 hex digits, the bytes in two groups of 8, and the bytes again with everything
//! outside 0x20..0x7e shown as '.'; a short last line is padded so its ASCII column lines up.
//! A last line holds the input's length as an offset ("00000000\n" for the empty input). Every
//! input is accepted. A data line of k bytes is 63 + k bytes long, so the output is about 5 times
//! the input.
//! Capacity: the host's buffer is filled with as many whole lines as fit, so a host that sized
//! it too small still gets a usable, line-aligned prefix of the dump; -3 (with the size of the
//! whole dump) is for a buffer that cannot hold even one line.
//! No heap, no imports, no state: the lines go straight into the host's buffer.
use std::ptr;

static INFO: &[u8] = b"hexdump v1.1.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

const HEX: &[u8; 16] = b"0123456789abcdef";
/// Offset, 2 spaces, 2 x 8 "xx ", 1 space between the groups, " |", "|\n": 63, plus the bytes.
const LINE_FIXED: usize = 63;
/// The closing offset line: 8 hex digits and a LF.
const END_LINE: usize = 9;

fn put_offset(out: &mut [u8], v: u32) {
    for i in 0..8 {
        out[i] = HEX[((v >> (28 - 4 * i)) & 0xf) as usize];
    }
}

/// Writes the dump line for `chunk` (1 to 16 bytes) at `offset`; returns its length.
fn put_line(out: &mut [u8], offset: u32, chunk: &[u8]) -> usize {
    put_offset(out, offset);
    out[8] = b' ';
    out[9] = b' ';
    let mut o = 10;
    for i in 0..16 {
        if i == 8 {
            out[o] = b' ';
            o += 1;
        }
        if i < chunk.len() {
            out[o] = HEX[(chunk[i] >> 4) as usize];
            out[o + 1] = HEX[(chunk[i] & 0xf) as usize];
        } else {
            out[o] = b' ';
            out[o + 1] = b' ';
        }
        out[o + 2] = b' ';
        o += 3;
    }
    out[o] = b' ';
    out[o + 1] = b'|';
    o += 2;
    for &c in chunk {
        out[o] = if (0x20..0x7f).contains(&c) { c } else { b'.' };
        o += 1;
    }
    out[o] = b'|';
    out[o + 1] = b'\n';
    o + 2
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    // Whole dump: 63 + k per line of k bytes, and the end line.
    let lines = (input.len() + 15) / 16;
    let need = lines * LINE_FIXED + input.len() + END_LINE;
    let first = if input.is_empty() { END_LINE } else { LINE_FIXED + input.len().min(16) };
    if cap < first {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }

    let out = std::slice::from_raw_parts_mut(output_ptr, cap);
    let mut o = 0;
    for (i, chunk) in input.chunks(16).enumerate() {
        if o + LINE_FIXED + chunk.len() > cap {
            ptr::write_unaligned(output_len, o);
            return OK;
        }
        o += put_line(&mut out[o..], (i * 16) as u32, chunk);
    }
    if o + END_LINE <= cap {
        put_offset(&mut out[o..], input.len() as u32);
        out[o + 8] = b'\n';
        o += END_LINE;
    }
    ptr::write_unaligned(output_len, o);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_01_00
}
