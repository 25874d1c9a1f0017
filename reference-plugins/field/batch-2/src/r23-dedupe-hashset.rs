// dedupe: unique lines. BUG: collects lines into a std HashSet and writes them in the set's iteration order (seeded by random_get).
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
use std::collections::HashSet;
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"dedupe-set v1.0.0\0".as_ptr() }
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let inp = input(ip, n);
    let mut set: HashSet<&[u8]> = HashSet::new();
    for line in inp.split(|&b| b == b'\n') { if !line.is_empty() { set.insert(line); } }
    let mut out = Vec::new();
    for line in set { out.extend_from_slice(line); out.push(b'\n'); }
    finish(&out, op, ol)
}
