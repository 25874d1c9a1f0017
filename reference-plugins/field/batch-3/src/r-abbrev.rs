// abbrev: shortens every word longer than 4 characters to its first 3 and a dot
// ("international business" -> "int. bus."); whitespace runs become one space. Not UTF-8 is -1.
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
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"abbrev v0.3.0\0".as_ptr() }
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b: &[u8] = if n == 0 { &[] } else { std::slice::from_raw_parts(ip, n) };
    let s = match std::str::from_utf8(b) { Ok(s) => s, Err(_) => return -1 };
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() { out.push(' '); }
        if w.len() > 4 { out.push_str(&w[..3]); out.push('.'); } else { out.push_str(w); }
    }
    let cap = *ol;
    if out.len() > cap { *ol = out.len(); return -3; }
    std::ptr::copy_nonoverlapping(out.as_ptr(), op, out.len());
    *ol = out.len();
    0
}
