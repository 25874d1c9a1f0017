// dedup-lines: keeps the first occurrence of every line, in input order ("b\na\nb\n" -> "b\na\n").
// Lines are split on "\n"; a last line without "\n" is kept as it is.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 8) { Ok(l) => unsafe { sys_alloc(l) }, Err(_) => core::ptr::null_mut() }
}
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if ptr.is_null() { return; }
    sys_dealloc(ptr, Layout::from_size_align_unchecked(size.max(1), 8));
}
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"dedup-lines v2.0.0\0".as_ptr() }
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b: &[u8] = if n == 0 { &[] } else { std::slice::from_raw_parts(ip, n) };
    let mut seen: Vec<&[u8]> = Vec::new();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut start = 0;
    while start < b.len() {
        let end = match b[start..].iter().position(|&c| c == b'\n') { Some(p) => start + p + 1, None => b.len() };
        let line = &b[start..end];
        let key = if line.ends_with(b"\n") { &line[..line.len() - 1] } else { line };
        if !seen.contains(&key) {
            seen.push(key);
            out.extend_from_slice(line);
        }
        start = end;
    }
    if out.len() > *ol { *ol = out.len(); return -3; }
    std::ptr::copy_nonoverlapping(out.as_ptr(), op, out.len());
    *ol = out.len();
    0
}
