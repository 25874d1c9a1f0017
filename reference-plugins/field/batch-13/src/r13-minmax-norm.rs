//! minmax-norm: min-max feature scaling of a column of numbers. The input is one decimal number
//! per line (Rust's f64 syntax, surrounding spaces allowed, blank lines skipped, LF or CR LF);
//! each value v becomes (v - min) / (max - min), written with six decimals, one per line:
//! "2\n4\n6\n" -> "0.000000\n0.500000\n1.000000\n". A line that is not a finite number gives -1.
//! Two passes over the text (min/max and count, then write), no heap, no imports.
//! Every scaled value lies in [0, 1], so every output line is "d.dddddd\n", 9 bytes: the needed
//! size is 9 * count, known before anything is written; -3 names it.
use std::io::Write;
use std::ptr;

static INFO: &[u8] = b"minmax-norm v1.0.3\0";

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

const LINE: usize = 9; // "0.500000\n"

fn values(text: &str) -> impl Iterator<Item = Option<f64>> + '_ {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| match l.parse::<f64>() {
        Ok(v) if v.is_finite() => Some(v),
        _ => None,
    })
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return -1,
    };
    let mut min = f64::INFINITY;
    let mut max = f64::NEG_INFINITY;
    let mut count = 0usize;
    for v in values(text) {
        match v {
            Some(v) => {
                min = min.min(v);
                max = max.max(v);
                count += 1;
            }
            None => return -1,
        }
    }
    let cap = ptr::read_unaligned(output_len);
    let need = match count.checked_mul(LINE) {
        Some(n) => n,
        None => return -1,
    };
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return -3;
    }
    let mut out: &mut [u8] = if need == 0 { &mut [] } else { std::slice::from_raw_parts_mut(output_ptr, need) };
    let range = max - min;
    for v in values(text) {
        let v = v.unwrap();
        if write!(out, "{:.6}\n", (v - min) / range).is_err() {
            return -99;
        }
    }
    ptr::write_unaligned(output_len, need);
    0
}
