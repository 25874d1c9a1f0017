// b64decode: standard base64 decode, -1 on bad input. BUG: the range check is b > 128, so byte 0x80 indexes past the 128-entry table (panic).
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
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"b64decode v1.0.0\0".as_ptr() }
const fn table() -> [u8; 128] {
    let mut t = [0xFFu8; 128]; let a = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0; while i < 64 { t[a[i] as usize] = i as u8; i += 1; } t
}
static T: [u8; 128] = table();
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b = input(ip, n);
    let mut out = Vec::new(); let mut acc: u32 = 0; let mut bits = 0; let mut pad = 0;
    for &c in b {
        if c == b'=' { pad += 1; continue; }
        if pad > 0 || c > 128 { return -1; }
        let v = T[c as usize]; if v == 0xFF { return -1; }
        acc = acc << 6 | v as u32; bits += 6;
        if bits >= 8 { bits -= 8; out.push((acc >> bits) as u8); }
    }
    if pad > 2 { return -1; }
    finish(&out, op, ol)
}
