//! word-freq: counts the words of UTF-8 text (split on Unicode whitespace, as
//! str::split_whitespace) and writes one "<count> <word>\n" line per distinct word, the most
//! frequent first and words of equal count in byte order, so the output is a function of the
//! input alone even though the counting uses std's HashMap (whose RandomState is seeded from
//! WASI random_get). Invalid UTF-8 is -1; empty or all-whitespace input gives empty output.
//! Every call logs one line through host_log with its word counts and how long it took (read
//! from the WASI monotonic clock); the time only goes to the log, never into the output.
//! The version is a release candidate: plugin_info says "word-freq v2.1.0-rc.1+wasi" and
//! plugin_version packs the 2.1.0 it is a candidate for.
//! Exports alloc/dealloc because it uses the heap; alloc(0) returns 0 (the ABI lets alloc(0)
//! return any value, and the host only hands it back to dealloc, which ignores it).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::collections::HashMap;
use std::ptr;
use std::time::Instant;

#[link(wasm_import_module = "env")]
extern "C" {
    fn host_log(ptr: *const u8, len: usize);
}

fn log(msg: &str) {
    unsafe { host_log(msg.as_ptr(), msg.len()) }
}

static INFO: &[u8] = b"word-freq v2.1.0-rc.1+wasi\0";

fn count(text: &str) -> (Vec<u8>, usize, usize) {
    let mut counts: HashMap<&str, u64> = HashMap::new();
    let mut total = 0usize;
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
        total += 1;
    }
    let distinct = counts.len();
    let mut rows: Vec<(&str, u64)> = counts.into_iter().collect();
    rows.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.as_bytes().cmp(b.0.as_bytes())));
    let mut out = Vec::new();
    for (w, c) in rows {
        out.extend_from_slice(c.to_string().as_bytes());
        out.push(b' ');
        out.extend_from_slice(w.as_bytes());
        out.push(b'\n');
    }
    (out, total, distinct)
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let started = Instant::now();
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(e) => {
            log(&format!("word-freq: input is not UTF-8 (valid up to byte {})", e.valid_up_to()));
            return -1;
        }
    };
    let (result, total, distinct) = count(text);
    log(&format!(
        "word-freq: {} words, {} distinct, {} output bytes, {} us",
        total,
        distinct,
        result.len(),
        started.elapsed().as_micros()
    ));
    unsafe {
        let cap = ptr::read_unaligned(output_len);
        if result.len() > cap {
            ptr::write_unaligned(output_len, result.len());
            return -3;
        }
        ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
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
    0x020100
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
