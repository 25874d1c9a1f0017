// CORRECT-UNUSUAL: line-crc: one line per input line with its CRC-32 (IEEE) in hex ("a\n" -> "e8b7be43\n").
// The CRC table is built on first use and kept; the last input and its output are kept too, and a
// call with the very same bytes copies the kept output (keyed by the whole input, so never stale).
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
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"line-crc v0.9.0\0".as_ptr() }
#[no_mangle] pub extern "C" fn plugin_version() -> u32 { 0x000900 }
static mut TABLE: [u32; 256] = [0; 256];
static mut TABLE_READY: bool = false;
static mut LAST_IN: Vec<u8> = Vec::new();
static mut LAST_OUT: Vec<u8> = Vec::new();
static mut LAST_VALID: bool = false;
unsafe fn table() -> &'static [u32; 256] {
    if !TABLE_READY {
        for i in 0..256u32 {
            let mut c = i;
            for _ in 0..8 { c = if c & 1 != 0 { 0xEDB88320 ^ (c >> 1) } else { c >> 1 }; }
            TABLE[i as usize] = c;
        }
        TABLE_READY = true;
    }
    &TABLE
}
unsafe fn compute(b: &[u8]) -> Vec<u8> {
    let t = table();
    let mut out = Vec::new();
    if b.is_empty() { return out; }
    let body = if b.ends_with(b"\n") { &b[..b.len() - 1] } else { b };
    for line in body.split(|&c| c == b'\n') {
        let mut c: u32 = 0xFFFFFFFF;
        for &x in line { c = t[((c ^ x as u32) & 0xFF) as usize] ^ (c >> 8); }
        out.extend_from_slice(format!("{:08x}\n", !c).as_bytes());
    }
    out
}
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b: &[u8] = if n == 0 { &[] } else { std::slice::from_raw_parts(ip, n) };
    if !(LAST_VALID && LAST_IN.as_slice() == b) {
        LAST_OUT = compute(b);
        LAST_IN.clear();
        LAST_IN.extend_from_slice(b);
        LAST_VALID = true;
    }
    let out = &LAST_OUT;
    let cap = core::ptr::read_unaligned(ol);
    if out.len() > cap { core::ptr::write_unaligned(ol, out.len()); return -3; }
    std::ptr::copy_nonoverlapping(out.as_ptr(), op, out.len());
    core::ptr::write_unaligned(ol, out.len());
    0
}
