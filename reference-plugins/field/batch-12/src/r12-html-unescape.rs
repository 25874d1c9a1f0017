//! html-unescape: decodes HTML character references in text: the named ones &amp; &lt; &gt;
//! &quot; &apos; &nbsp;, decimal &#NNN; and hex &#xHHH; (written as UTF-8; 0, surrogates and
//! values past U+10FFFF become U+FFFD). An '&' that does not start one of these is copied as it
//! is, like browsers do ("AT&T" stays "AT&T"). Every input is accepted (bytes are copied through,
//! UTF-8 or not); the output is never longer than the input. -3 with the needed size.
//! Writing: the output is built straight in the host's buffer through a Vec over it
//! (Vec::from_raw_parts with the capacity as its capacity), so extend_from_slice does the
//! copying; every push is checked against the capacity first, so the Vec never has to grow.
//! alloc/dealloc hand the host blocks from the std allocator.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::mem;
use std::ptr;

static INFO: &[u8] = b"html-unescape v0.9.2\0";

const OK: i32 = 0;
const OUTPUT_TOO_SMALL: i32 = -3;

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 1) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    sys_dealloc(p, Layout::from_size_align_unchecked(size.max(1), 1));
}

const NAMED: &[(&[u8], &[u8])] = &[
    (b"amp", b"&"),
    (b"lt", b"<"),
    (b"gt", b">"),
    (b"quot", b"\""),
    (b"apos", b"'"),
    (b"nbsp", "\u{a0}".as_bytes()),
];

/// At input[i] == '&': the decoded bytes and the length of the reference, if it is one.
fn reference(input: &[u8], i: usize, buf: &mut [u8; 4]) -> Option<(usize, usize)> {
    let rest = &input[i + 1..];
    let semi = rest.iter().take(12).position(|&c| c == b';')?;
    let body = &rest[..semi];
    let total = semi + 2;
    if let Some(&(_, rep)) = NAMED.iter().find(|(name, _)| *name == body) {
        buf[..rep.len()].copy_from_slice(rep);
        return Some((rep.len(), total));
    }
    if body.len() < 2 || body[0] != b'#' {
        return None;
    }
    let (digits, radix) = if body[1] == b'x' || body[1] == b'X' { (&body[2..], 16) } else { (&body[1..], 10) };
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let mut v: u32 = 0;
    for &d in digits {
        let dv = (d as char).to_digit(radix)?;
        v = v * radix + dv;
    }
    let ch = if v == 0 { '\u{fffd}' } else { char::from_u32(v).unwrap_or('\u{fffd}') };
    let n = ch.encode_utf8(buf).len();
    Some((n, total))
}

/// The size of the decoded form of `input`.
fn decoded_len(input: &[u8]) -> usize {
    let mut buf = [0u8; 4];
    let (mut i, mut n) = (0, 0);
    while i < input.len() {
        if input[i] == b'&' {
            if let Some((len, used)) = reference(input, i, &mut buf) {
                n += len;
                i += used;
                continue;
            }
        }
        n += 1;
        i += 1;
    }
    n
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let cap = ptr::read_unaligned(output_len);
    // The host's buffer, as a Vec that must never reallocate (and is forgotten, not dropped).
    let mut out: Vec<u8> = Vec::from_raw_parts(output_ptr, 0, cap);
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < input.len() {
        let (piece, used): (&[u8], usize) = match if input[i] == b'&' { reference(input, i, &mut buf) } else { None } {
            Some((len, used)) => (&buf[..len], used),
            None => (&input[i..i + 1], 1),
        };
        if out.len() + piece.len() > cap {
            // Does not fit: tell the host how much the whole output needs.
            let need = out.len() + piece.len() + decoded_len(&input[i + used..]);
            ptr::write_unaligned(output_len, need);
            return OUTPUT_TOO_SMALL;
        }
        out.extend_from_slice(piece);
        i += used;
    }
    let n = out.len();
    mem::forget(out);
    ptr::write_unaligned(output_len, n);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x00_09_02
}
