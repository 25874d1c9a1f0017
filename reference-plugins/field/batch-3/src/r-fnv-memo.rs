// fnv-lines: one line per input line with its 64-bit FNV-1a hash in hex ("a\n" -> "af63dc4c8601ec8c\n").
// Results are memoized by input (hosts often send the same document many times).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::collections::HashMap;
#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 8) { Ok(l) => unsafe { sys_alloc(l) }, Err(_) => core::ptr::null_mut() }
}
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if ptr.is_null() { return; }
    sys_dealloc(ptr, Layout::from_size_align_unchecked(size.max(1), 8));
}
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"fnv-lines v1.0.0\0".as_ptr() }
static mut MEMO: Option<HashMap<Vec<u8>, Vec<u8>>> = None;
fn compute(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if b.is_empty() { return out; }
    let body = if b.ends_with(b"\n") { &b[..b.len() - 1] } else { b };
    for line in body.split(|&c| c == b'\n') {
        let mut h: u64 = 0xcbf29ce484222325;
        for &c in line { h ^= c as u64; h = h.wrapping_mul(0x100000001b3); }
        out.extend_from_slice(format!("{:016x}\n", h).as_bytes());
    }
    out
}
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b: &[u8] = if n == 0 { &[] } else { std::slice::from_raw_parts(ip, n) };
    let memo = MEMO.get_or_insert_with(HashMap::new);
    if !memo.contains_key(b) { let v = compute(b); memo.insert(b.to_vec(), v); }
    let out = &memo[b];
    if out.len() > *ol { *ol = out.len(); return -3; }
    std::ptr::copy_nonoverlapping(out.as_ptr(), op, out.len());
    *ol = out.len();
    0
}
