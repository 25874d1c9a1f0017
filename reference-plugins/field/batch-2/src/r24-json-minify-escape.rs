// json-minify: drops whitespace outside strings, rejects non-UTF-8. BUG: after a backslash inside a string it copies bytes[i+1] without checking the end.
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
unsafe fn finish(out: &[u8], output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let cap = core::ptr::read_unaligned(output_len);
    if out.len() > cap { core::ptr::write_unaligned(output_len, out.len()); return -3; }
    core::ptr::copy_nonoverlapping(out.as_ptr(), output_ptr, out.len());
    core::ptr::write_unaligned(output_len, out.len());
    0
}
unsafe fn input<'a>(p: *const u8, n: usize) -> &'a [u8] { if n == 0 { &[] } else { core::slice::from_raw_parts(p, n) } }
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"json-minify v1.0.0\0".as_ptr() }
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b = input(ip, n);
    if std::str::from_utf8(b).is_err() { return -1; }
    let mut out = Vec::with_capacity(b.len());
    let mut in_str = false; let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_str {
            out.push(c);
            if c == b'\\' { out.push(b[i + 1]); i += 1; }
            else if c == b'"' { in_str = false; }
        } else if c == b'"' { in_str = true; out.push(c); }
        else if !(c == b' ' || c == b'\n' || c == b'\t' || c == b'\r') { out.push(c); }
        i += 1;
    }
    finish(&out, op, ol)
}
