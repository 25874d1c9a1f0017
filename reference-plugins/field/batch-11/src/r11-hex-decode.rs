//! hex-decode: turns hex text back into bytes, as `xxd -r -p` does: pairs of hex digits (either
//! case) become one byte each, and whitespace (space, tab, CR, LF) anywhere is skipped, so
//! "48 65 6c\n6c 6f" -> "Hello". An odd number of digits, or any other character, is -1
//! (InvalidInput); the empty input (or whitespace only) gives the empty output. -3 with the
//! needed size when the bytes do not fit.
//! On -1 the reason goes to env.host_log, with the offset and, for a bad character, the text
//! from that character on (16 bytes of context) so the operator can see what was sent.
//! Hex text is ASCII: a byte of 0x80 or more is rejected before anything else, so the context
//! is always printable. No heap, no state: two passes over the input.
use std::ptr;

extern "C" {
    fn host_log(ptr: *const u8, len: usize);
}

static INFO: &[u8] = b"hex-decode v2.0.1\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

const CONTEXT: usize = 16;

fn log(msg: &[u8]) {
    unsafe { host_log(msg.as_ptr(), msg.len()) }
}

/// Logs `what` followed by " at offset <pos>".
fn log_at(what: &[u8], pos: usize) {
    let mut buf = [0u8; 80];
    let mut n = 0;
    for &c in what.iter().chain(b" at offset ".iter()) {
        buf[n] = c;
        n += 1;
    }
    let mut digits = [0u8; 20];
    let mut d = 0;
    let mut v = pos;
    loop {
        digits[d] = b'0' + (v % 10) as u8;
        d += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    while d > 0 {
        d -= 1;
        buf[n] = digits[d];
        n += 1;
    }
    log(&buf[..n]);
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn is_space(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\r' || c == b'\n'
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    if let Some(pos) = input.iter().position(|&c| c >= 0x80) {
        log_at(b"hex-decode: non-ASCII byte", pos);
        return INVALID_INPUT;
    }
    let mut digits = 0usize;
    for (pos, &c) in input.iter().enumerate() {
        if is_space(c) {
            continue;
        }
        if hex_val(c).is_none() {
            log_at(b"hex-decode: bad character", pos);
            host_log(input_ptr.add(pos), CONTEXT);
            return INVALID_INPUT;
        }
        digits += 1;
    }
    if digits % 2 != 0 {
        log(b"hex-decode: odd number of hex digits");
        return INVALID_INPUT;
    }
    let need = digits / 2;
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }

    let out = std::slice::from_raw_parts_mut(output_ptr, need);
    let mut o = 0;
    let mut hi: Option<u8> = None;
    for &c in input {
        if let Some(v) = hex_val(c) {
            match hi.take() {
                None => hi = Some(v),
                Some(h) => {
                    out[o] = h << 4 | v;
                    o += 1;
                }
            }
        }
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
    0x02_00_01
}
