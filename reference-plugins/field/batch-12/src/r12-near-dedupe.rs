//! near-dedupe: drops near-duplicate lines from a text corpus: a line is dropped when, after
//! folding ASCII case and trimming spaces and tabs at both ends, it equals a line kept before it
//! or, for lines of 8 bytes or more, differs from one in a single byte (one substitution,
//! insertion or deletion: typo'd copies of the same sentence). Kept lines are written in input order, each with a LF (a last
//! line without one gets it); empty lines are always kept. Every input is accepted. -3 with the
//! needed size.
//! Comparing every line with every kept line is quadratic, so a pathological file could stall
//! the pipeline: the scan has a time budget of 25 ms (std::time::Instant, checked every 64
//! lines); once it is spent, the remaining lines are passed through unchanged.
//! alloc/dealloc hand the host 8-aligned blocks from the std allocator.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;
use std::time::{Duration, Instant};

static INFO: &[u8] = b"near-dedupe v1.1.0\0";

const OK: i32 = 0;
const OUT_OF_MEMORY: i32 = -2;
const OUTPUT_TOO_SMALL: i32 = -3;
const BUDGET: Duration = Duration::from_millis(25);

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    sys_dealloc(p, Layout::from_size_align_unchecked(size.max(1), 8));
}

fn key(line: &[u8]) -> &[u8] {
    let mut a = 0;
    let mut b = line.len();
    while a < b && (line[a] == b' ' || line[a] == b'\t') {
        a += 1;
    }
    while b > a && (line[b - 1] == b' ' || line[b - 1] == b'\t' || line[b - 1] == b'\r') {
        b -= 1;
    }
    &line[a..b]
}

/// Equal, or one edit apart, folding ASCII case. Lines shorter than 8 bytes must be equal
/// ("cat" and "car" are different lines, not a typo).
fn near(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let eq = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    if a.len() < 8 {
        return a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| eq(x, y));
    }
    if b.len() - a.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < a.len() && eq(a[i], b[i]) {
        i += 1;
    }
    if i == a.len() {
        return true;
    }
    if a.len() == b.len() {
        a[i + 1..].iter().zip(&b[i + 1..]).all(|(&x, &y)| eq(x, y))
    } else {
        a[i..].iter().zip(&b[i + 1..]).all(|(&x, &y)| eq(x, y))
    }
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let cap = ptr::read_unaligned(output_len);
    let start = Instant::now();
    let mut kept: Vec<&[u8]> = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve(input.len() + 1).is_err() {
        return OUT_OF_MEMORY;
    }
    let mut dedupe = true;
    let mut lines = input.split(|&c| c == b'\n').peekable();
    let mut n = 0usize;
    while let Some(line) = lines.next() {
        if lines.peek().is_none() && line.is_empty() {
            break; // after the last LF
        }
        n += 1;
        if dedupe && n % 64 == 0 && start.elapsed() > BUDGET {
            dedupe = false;
        }
        let k = key(line);
        if dedupe && !k.is_empty() {
            if kept.iter().any(|&p| near(p, k)) {
                continue;
            }
            kept.push(k);
        }
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    if out.len() > cap {
        ptr::write_unaligned(output_len, out.len());
        return OUTPUT_TOO_SMALL;
    }
    ptr::copy_nonoverlapping(out.as_ptr(), output_ptr, out.len());
    ptr::write_unaligned(output_len, out.len());
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
