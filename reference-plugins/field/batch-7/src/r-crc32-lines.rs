//! crc32-lines: writes the CRC-32 (IEEE 802.3, as zlib's crc32 and `cksum -a crc32b`) of every
//! line as 8 lowercase hex digits and '\n': "hello\nworld" -> "3610a686\n3a771143\n". The
//! line break is not part of the line; a CR before it is. An input that ends with '\n' has
//! no empty last line; the empty input gives the empty output. Any bytes are accepted.
//! The table is built once, on the first call. Exports alloc/dealloc for the host's buffers:
//! every block is a whole number of 8-byte words, 8-aligned, so the host can use word
//! copies on them; alloc(0) gives a dangling, never dereferenced, aligned pointer.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"crc32-lines v1.1.0\0";

static mut TABLE: [u32; 256] = [0; 256];
static mut TABLE_READY: bool = false;

fn table() -> &'static [u32; 256] {
    unsafe {
        if !TABLE_READY {
            for i in 0..256u32 {
                let mut c = i;
                for _ in 0..8 {
                    c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                }
                TABLE[i as usize] = c;
            }
            TABLE_READY = true;
        }
        &TABLE
    }
}

fn crc32(t: &[u32; 256], data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let body = input.strip_suffix(b"\n").unwrap_or(input);
    let lines = if input.is_empty() { 0 } else { body.iter().filter(|&&b| b == b'\n').count() + 1 };
    let need = lines * 9;
    let cap = unsafe { ptr::read_unaligned(output_len) };
    if need > cap {
        unsafe { ptr::write_unaligned(output_len, need) };
        return -3;
    }
    let t = table();
    let mut out: Vec<u8> = Vec::with_capacity(need);
    if lines > 0 {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        for line in body.split(|&b| b == b'\n') {
            let c = crc32(t, line);
            for i in 0..8 {
                out.push(HEX[((c >> (28 - 4 * i)) & 0xf) as usize]);
            }
            out.push(b'\n');
        }
    }
    unsafe {
        if !out.is_empty() {
            ptr::copy_nonoverlapping(out.as_ptr(), output_ptr, out.len());
        }
        ptr::write_unaligned(output_len, out.len());
    }
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010100
}

/// Rounds a block size up to whole 8-byte words.
fn words(size: usize) -> usize {
    (size + 7) & !7
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    let bytes = words(size);
    if bytes == 0 {
        return ptr::NonNull::<u64>::dangling().as_ptr() as *mut u8;
    }
    match Layout::from_size_align(bytes, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(p: *mut u8, size: usize) {
    let bytes = words(size);
    if bytes == 0 || p.is_null() {
        return;
    }
    unsafe { sys_dealloc(p, Layout::from_size_align_unchecked(bytes, 8)) }
}
