// utf8-upper: uppercases ASCII and Latin-1 letters in UTF-8 text, -1 on invalid UTF-8. BUG: its hand decoder takes a 4-byte lead (F0-F4) for a 3-byte sequence, splitting emoji.
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
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"utf8-upper v1.0.0\0".as_ptr() }
fn seq_len(lead: u8) -> usize { if lead < 0x80 { 1 } else if lead < 0xE0 { 2 } else { 3 } }
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b = input(ip, n);
    if std::str::from_utf8(b).is_err() { return -1; }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let l = seq_len(b[i]).min(b.len() - i);
        let chunk = &b[i..i + l];
        match std::str::from_utf8(chunk) {
            Ok(s) => { for ch in s.chars() { for u in ch.to_uppercase() { let mut buf = [0u8; 4]; out.extend_from_slice(u.encode_utf8(&mut buf).as_bytes()); } } }
            Err(_) => out.extend_from_slice(chunk),
        }
        i += l;
    }
    finish(&out, op, ol)
}
