// csv2json: CSV (RFC 4180 quoting, "\n" or "\r\n" rows) -> a JSON array of arrays of strings:
// "a,b\nc,d" -> [["a","b"],["c","d"]]. An unterminated quote or a stray quote is -1.
// The output is built in one static buffer reused by every call, to avoid an allocation per call.
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
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"csv2json v1.0.2\0".as_ptr() }
static mut OUT: Vec<u8> = Vec::new();
fn push_char(out: &mut Vec<u8>, c: u8) {
    match c {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        c if c < 0x20 => { const H: &[u8] = b"0123456789abcdef"; out.extend_from_slice(b"\\u00"); out.push(H[(c >> 4) as usize]); out.push(H[(c & 15) as usize]); }
        c => out.push(c),
    }
}
fn build(b: &[u8], out: &mut Vec<u8>) -> Result<(), ()> {
    out.push(b'[');
    if b.is_empty() { out.push(b']'); return Ok(()); }
    let mut i = 0;
    let mut first_row = true;
    while i < b.len() {
        if !first_row { out.push(b','); }
        first_row = false;
        out.push(b'[');
        let mut first_field = true;
        loop {
            if !first_field { out.push(b','); }
            first_field = false;
            out.push(b'"');
            if i < b.len() && b[i] == b'"' {
                i += 1;
                loop {
                    if i >= b.len() { return Err(()); }
                    if b[i] == b'"' {
                        if i + 1 < b.len() && b[i + 1] == b'"' { push_char(out, b'"'); i += 2; continue; }
                        i += 1; break;
                    }
                    push_char(out, b[i]); i += 1;
                }
                if i < b.len() && !(b[i] == b',' || b[i] == b'\n' || b[i] == b'\r') { return Err(()); }
            } else {
                while i < b.len() && b[i] != b',' && b[i] != b'\n' && !(b[i] == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n') {
                    if b[i] == b'"' { return Err(()); }
                    push_char(out, b[i]); i += 1;
                }
            }
            out.push(b'"');
            if i < b.len() && b[i] == b',' { i += 1; continue; }
            break;
        }
        out.push(b']');
        if i < b.len() && b[i] == b'\r' { i += 1; }
        if i < b.len() && b[i] == b'\n' { i += 1; }
    }
    out.push(b']');
    Ok(())
}
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b: &[u8] = if n == 0 { &[] } else { std::slice::from_raw_parts(ip, n) };
    let out = &mut OUT;
    if build(b, out).is_err() { return -1; }
    if out.len() > *ol { *ol = out.len(); out.clear(); return -3; }
    std::ptr::copy_nonoverlapping(out.as_ptr(), op, out.len());
    *ol = out.len();
    out.clear();
    0
}
