//! trigram-top: reports the 16 most frequent byte trigrams of the input, one per line as six
//! hex digits, a space and the count, most frequent first (ties: smaller trigram first). Input
//! shorter than 3 bytes has no trigrams and gives empty output. The counts live in a direct
//! table of all 2^24 trigrams (64 MiB, zeroed per call), so the first call grows memory by
//! about 1024 pages; later calls reuse the freed table.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"trigram-top v1.0.0\0";

fn top(input: &[u8]) -> Option<Vec<u8>> {
    let mut counts: Vec<u32> = Vec::new();
    if counts.try_reserve_exact(1 << 24).is_err() {
        return None;
    }
    counts.resize(1 << 24, 0);
    for w in input.windows(3) {
        let t = (w[0] as usize) << 16 | (w[1] as usize) << 8 | w[2] as usize;
        counts[t] += 1;
    }
    // keep the best 16 while scanning: (count, trigram)
    let mut best: Vec<(u32, u32)> = Vec::with_capacity(17);
    for (t, &c) in counts.iter().enumerate() {
        if c == 0 {
            continue;
        }
        if best.len() == 16 && c <= best[15].0 {
            continue;
        }
        let pos = best.iter().position(|&(bc, _)| c > bc).unwrap_or(best.len());
        best.insert(pos, (c, t as u32));
        best.truncate(16);
    }
    let mut out = Vec::new();
    for (c, t) in best {
        out.extend_from_slice(format!("{:06x} {}\n", t, c).as_bytes());
    }
    Some(out)
}

fn write_out(result: &[u8], output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    unsafe {
        if result.len() > *output_len {
            *output_len = result.len();
            return -3;
        }
        std::ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
        *output_len = result.len();
    }
    0
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    match top(input) {
        Some(out) => write_out(&out, output_ptr, output_len),
        None => -2,
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010000
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return 8 as *mut u8;
    }
    match Layout::from_size_align(size, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if size == 0 || ptr.is_null() {
        return;
    }
    unsafe { sys_dealloc(ptr, Layout::from_size_align_unchecked(size, 8)) }
}
