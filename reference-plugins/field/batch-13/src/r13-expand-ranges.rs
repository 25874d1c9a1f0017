//! expand-ranges: expands a list of integers and inclusive ranges into one number per line,
//! as page or row selections are written: "1-3,7\n10-11" -> "1\n2\n3\n7\n10\n11\n". Items are
//! separated by ',' or LF (a CR before a LF is allowed); empty items are skipped; an item is a
//! decimal u32 "N" or "A-B" with A <= B (leading zeros allowed, written without them). Anything
//! else (a sign, a space, A > B, a number past 4294967295) gives -1, as does a list whose
//! expansion would pass 16 MiB ("InvalidInput: selection too large for one call").
//! Unusual but legal: the output is far larger than the input (the 9-byte "0-999999\n" expands
//! to 6888890 bytes, more than 700000 times the input). The needed size is computed in closed
//! form from digit counts, in u64, before anything is written, so -3 names the exact size at
//! once and nothing is written on -3. No heap, no imports, no alloc: the host places buffers.
use std::ptr;

static INFO: &[u8] = b"expand-ranges v1.0.0\0";
const LIMIT: u64 = 16 << 20;

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010000
}

fn parse_u32(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut v: u64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
        if v > u32::MAX as u64 {
            return None;
        }
    }
    Some(v as u32)
}

/// One item: (first, last), or None when malformed; Ok(None) for an empty item.
fn item(s: &[u8]) -> Result<Option<(u32, u32)>, ()> {
    let s = if s.last() == Some(&b'\r') { &s[..s.len() - 1] } else { s };
    if s.is_empty() {
        return Ok(None);
    }
    match s.iter().position(|&c| c == b'-') {
        None => parse_u32(s).map(|v| Some((v, v))).ok_or(()),
        Some(i) => {
            let a = parse_u32(&s[..i]).ok_or(())?;
            let b = parse_u32(&s[i + 1..]).ok_or(())?;
            if a > b { Err(()) } else { Ok(Some((a, b))) }
        }
    }
}

/// Bytes of "a\n" .. "b\n".
fn range_bytes(a: u32, b: u32) -> u64 {
    let (a, b) = (a as u64, b as u64);
    let mut total = 0;
    let mut lo = 0u64;
    let mut hi = 9u64;
    let mut digits = 1u64;
    while lo <= b {
        let s = a.max(lo);
        let e = b.min(hi);
        if s <= e {
            total += (e - s + 1) * (digits + 1);
        }
        lo = hi + 1;
        hi = hi * 10 + 9;
        digits += 1;
    }
    total
}

fn items(input: &[u8]) -> impl Iterator<Item = &[u8]> {
    input.split(|&c| c == b',' || c == b'\n')
}

fn write_num(out: &mut [u8], mut o: usize, v: u32) -> usize {
    let mut tmp = [0u8; 10];
    let mut n = 0;
    let mut x = v;
    loop {
        tmp[n] = b'0' + (x % 10) as u8;
        n += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    while n > 0 {
        n -= 1;
        out[o] = tmp[n];
        o += 1;
    }
    out[o] = b'\n';
    o + 1
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let mut need: u64 = 0;
    for s in items(input) {
        match item(s) {
            Err(()) => return -1,
            Ok(None) => {}
            Ok(Some((a, b))) => {
                need += range_bytes(a, b);
                if need > LIMIT {
                    return -1;
                }
            }
        }
    }
    let need = need as usize;
    let cap = ptr::read_unaligned(output_len);
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return -3;
    }
    let out: &mut [u8] = if need == 0 { &mut [] } else { std::slice::from_raw_parts_mut(output_ptr, need) };
    let mut o = 0;
    for s in items(input) {
        if let Ok(Some((a, b))) = item(s) {
            let mut v = a;
            loop {
                o = write_num(out, o, v);
                if v == b {
                    break;
                }
                v += 1;
            }
        }
    }
    ptr::write_unaligned(output_len, o);
    0
}
