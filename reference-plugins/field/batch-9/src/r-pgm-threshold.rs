//! pgm-threshold: a binary greyscale PGM image ("P5") to a binary bilevel PBM image ("P4") at
//! half the maximum grey value: a pixel darker than half (2 * value <= maxval) becomes black
//! (bit 1), the others white (bit 0). The input is exactly "P5", whitespace, width, whitespace,
//! height, whitespace, maxval (1..=255), ONE whitespace byte, then width*height pixel bytes, no
//! more and no less; '#' comments (to the end of the line) are allowed between the header
//! fields, as netpbm allows. Anything else (other magic numbers, 16-bit PGM, zero dimensions, a
//! pixel above maxval, a short or long payload) is -1 (InvalidInput); so is the empty input.
//! The output is "P4\n<w> <h>\n" and h rows of ceil(w/8) bytes: about an eighth of the input.
//! No heap, no alloc/dealloc: sizes come from the header, rows are packed straight into the
//! host's buffer.
use std::ptr;

static INFO: &[u8] = b"pgm-threshold v0.3.1\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

struct Pgm<'a> {
    width: usize,
    height: usize,
    maxval: u32,
    pixels: &'a [u8],
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Skips whitespace and comments; at least one whitespace byte or comment is required.
fn skip_sep(d: &[u8], mut i: usize) -> Option<usize> {
    let start = i;
    loop {
        match d.get(i) {
            Some(&b) if is_ws(b) => i += 1,
            Some(&b'#') => {
                while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    if i == start { None } else { Some(i) }
}

fn number(d: &[u8], mut i: usize) -> Option<(usize, usize)> {
    let start = i;
    let mut v: usize = 0;
    while let Some(&b) = d.get(i) {
        if !b.is_ascii_digit() {
            break;
        }
        v = v.checked_mul(10)?.checked_add((b - b'0') as usize)?;
        i += 1;
    }
    if i == start { None } else { Some((v, i)) }
}

fn parse(d: &[u8]) -> Option<Pgm<'_>> {
    if d.len() < 2 || &d[..2] != b"P5" {
        return None;
    }
    let i = skip_sep(d, 2)?;
    let (width, i) = number(d, i)?;
    let i = skip_sep(d, i)?;
    let (height, i) = number(d, i)?;
    let i = skip_sep(d, i)?;
    let (maxval, i) = number(d, i)?;
    // Exactly one whitespace byte ends the header.
    if !d.get(i).map_or(false, |&b| is_ws(b)) {
        return None;
    }
    let i = i + 1;
    if width == 0 || height == 0 || maxval == 0 || maxval > 255 {
        return None;
    }
    let size = width.checked_mul(height)?;
    if d.len() - i != size {
        return None;
    }
    let pixels = &d[i..];
    if pixels.iter().any(|&p| p as usize > maxval) {
        return None;
    }
    Some(Pgm { width, height, maxval: maxval as u32, pixels })
}

/// Writes the decimal digits of v at buf[at..]; returns the new end.
fn put_dec(buf: &mut [u8], at: usize, mut v: usize) -> usize {
    let mut tmp = [0u8; 20];
    let mut n = 0;
    loop {
        tmp[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for k in 0..n {
        buf[at + k] = tmp[n - 1 - k];
    }
    at + n
}

/// "P4\n<w> <h>\n" in a fixed buffer (no heap); returns the buffer and its length.
fn header(img: &Pgm) -> ([u8; 48], usize) {
    let mut h = [0u8; 48];
    h[..3].copy_from_slice(b"P4\n");
    let mut n = put_dec(&mut h, 3, img.width);
    h[n] = b' ';
    n = put_dec(&mut h, n + 1, img.height);
    h[n] = b'\n';
    (h, n + 1)
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let img = match parse(input) {
        Some(img) => img,
        None => return INVALID_INPUT,
    };
    let (head_buf, head_len) = header(&img);
    let head = &head_buf[..head_len];
    let row = (img.width + 7) / 8;
    let need = head.len() + row * img.height;
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let out = std::slice::from_raw_parts_mut(output_ptr, need);
    out[..head.len()].copy_from_slice(head);
    let body = &mut out[head.len()..];
    for y in 0..img.height {
        let src = &img.pixels[y * img.width..(y + 1) * img.width];
        let dst = &mut body[y * row..(y + 1) * row];
        dst.iter_mut().for_each(|b| *b = 0);
        for (x, &p) in src.iter().enumerate() {
            if 2 * p as u32 <= img.maxval {
                dst[x / 8] |= 0x80 >> (x % 8);
            }
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
    (0 << 16) | (3 << 8) | 1
}
