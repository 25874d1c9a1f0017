// CORRECT: kv-sum: accepts only lines 'name=digits' (ASCII), outputs 'name=sum' per distinct name in sorted order; anything else -1.
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
use std::collections::BTreeMap;
#[no_mangle] pub extern "C" fn plugin_info() -> *const u8 { b"kv-sum v1.0.0\0".as_ptr() }
#[no_mangle]
pub unsafe extern "C" fn process(ip: *const u8, n: usize, op: *mut u8, ol: *mut usize) -> i32 {
    let b = input(ip, n);
    let mut m: BTreeMap<&[u8], u64> = BTreeMap::new();
    for line in b.split(|&c| c == b'\n') {
        if line.is_empty() { continue; }
        let eq = match line.iter().position(|&c| c == b'=') { Some(p) => p, None => return -1 };
        let (k, v) = (&line[..eq], &line[eq + 1..]);
        if k.is_empty() || !k.iter().all(|c| c.is_ascii_alphanumeric()) || v.is_empty() || v.len() > 18 || !v.iter().all(|c| c.is_ascii_digit()) { return -1; }
        let num: u64 = v.iter().fold(0, |a, &d| a * 10 + (d - b'0') as u64);
        *m.entry(k).or_insert(0) += num;
    }
    let mut out = Vec::new();
    for (k, v) in m { out.extend_from_slice(k); out.push(b'='); out.extend_from_slice(v.to_string().as_bytes()); out.push(b'\n'); }
    finish(&out, op, ol)
}
