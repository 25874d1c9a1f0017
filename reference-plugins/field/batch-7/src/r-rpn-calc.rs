//! rpn-calc: evaluates one integer RPN expression per line ("3 4 + 2 *" -> "14") and writes
//! one result per line, each ending in '\n'. Tokens are separated by spaces or tabs; a token
//! is a decimal i64 (optional sign) or one of + - * / %. Division truncates toward zero, as
//! Rust's does. A line that is not a well-formed expression (unknown token, too few operands,
//! more than one value left), a division or remainder by zero, or a result that does not fit
//! an i64 is -1: every operation is checked rather than allowed to wrap. Blank lines (and a
//! CR before the LF) are skipped. Exports alloc/dealloc because it uses the heap.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"rpn-calc v1.3.0\0";

fn eval_line(line: &[u8], stack: &mut Vec<i64>) -> Option<i64> {
    stack.clear();
    for tok in line.split(|&b| b == b' ' || b == b'\t').filter(|t| !t.is_empty()) {
        let op = match tok {
            b"+" | b"-" | b"*" | b"/" | b"%" => tok[0],
            _ => {
                let s = std::str::from_utf8(tok).ok()?;
                stack.push(s.parse::<i64>().ok()?);
                continue;
            }
        };
        let b = stack.pop()?;
        let a = stack.pop()?;
        let r = match op {
            b'+' => a.checked_add(b)?,
            b'-' => a.checked_sub(b)?,
            b'*' => a.checked_mul(b)?,
            b'/' => {
                if b == 0 {
                    return None;
                }
                a / b
            }
            _ => {
                if b == 0 {
                    return None;
                }
                a % b
            }
        };
        stack.push(r);
    }
    if stack.len() == 1 {
        stack.pop()
    } else {
        None
    }
}

fn run(input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for raw in input.split(|&b| b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        let v = eval_line(line, &mut stack)?;
        out.extend_from_slice(v.to_string().as_bytes());
        out.push(b'\n');
    }
    Some(out)
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let result = match run(input) {
        Some(r) => r,
        None => return -1,
    };
    unsafe {
        let cap = ptr::read_unaligned(output_len);
        if result.len() > cap {
            ptr::write_unaligned(output_len, result.len());
            return -3;
        }
        if !result.is_empty() {
            ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
        }
        ptr::write_unaligned(output_len, result.len());
    }
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010300
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return ptr::null_mut();
    }
    match Layout::from_size_align(size, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(p: *mut u8, size: usize) {
    if size == 0 || p.is_null() {
        return;
    }
    unsafe { sys_dealloc(p, Layout::from_size_align_unchecked(size, 8)) }
}
