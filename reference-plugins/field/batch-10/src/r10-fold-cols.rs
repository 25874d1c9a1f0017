//! fold-cols: hard-wraps UTF-8 text to a width given in the input, like `fold -w`: the first
//! line of the input is the width in columns (a decimal number, 1 or more), the rest is the
//! text. Every text line longer than the width is broken with a LF after each `width`
//! characters (characters, not bytes: a multi-byte character is never split); shorter lines and
//! the text's own line ends are kept. "4\nabcdefghij\nxy" -> "abcd\nefgh\nij\nxy".
//! The header line is not copied. A header that is not a number, a width of 0 or text that is
//! not UTF-8 is -1 (InvalidInput); a header alone (no text) gives the empty output.
//! No heap: a sizing pass, then the text is copied into the host's buffer with the breaks.
use std::ptr;

static INFO: &[u8] = b"fold-cols v1.0.3\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

/// Parses the header: 1 to 10 ASCII digits that fit a u32.
fn parse_width(h: &[u8]) -> Option<u32> {
    let h = h.strip_suffix(b"\r").unwrap_or(h);
    if h.is_empty() || h.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in h {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    u32::try_from(v).ok()
}

fn is_char_start(b: u8) -> bool {
    b & 0xC0 != 0x80
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    let (header, text) = match input.iter().position(|&b| b == b'\n') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => (input, &input[input.len()..]),
    };
    let width = match parse_width(header) {
        Some(w) if w > 0 => w,
        _ => return INVALID_INPUT,
    };
    if std::str::from_utf8(text).is_err() {
        return INVALID_INPUT;
    }
    // Terminal columns, like winsize.ws_col.
    let cols = width as u16;

    // Sizing: every line of c characters gets (c - 1) / cols extra line breaks.
    let mut need = text.len();
    for line in text.split(|&b| b == b'\n') {
        let chars = line.iter().filter(|&&b| is_char_start(b)).count();
        if chars > 0 {
            need += (chars - 1) / cols as usize;
        }
    }
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }

    if need > 0 {
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        let mut o = 0;
        let mut col: usize = 0;
        for &b in text {
            if b == b'\n' {
                col = 0;
            } else if is_char_start(b) {
                if col == cols as usize {
                    out[o] = b'\n';
                    o += 1;
                    col = 0;
                }
                col += 1;
            }
            out[o] = b;
            o += 1;
        }
    }
    ptr::write_unaligned(output_len, need);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_00_03
}
