//! title-case: upper-cases the first ASCII letter of every word (a word starts after ASCII
//! whitespace, '-' or at the start of the input) and leaves every other byte as it is. Any bytes
//! are accepted; the output is as long as the input.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ffi::CString;

const NAME: &str = "title-case";
const VERSION: (u32, u32, u32) = (1, 3, 0);

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    unsafe {
        if input.len() > *output_len {
            *output_len = input.len();
            return -3;
        }
    }
    let out = unsafe { std::slice::from_raw_parts_mut(output_ptr, input_len) };
    let mut at_start = true;
    for (o, &b) in out.iter_mut().zip(input) {
        *o = if at_start { b.to_ascii_uppercase() } else { b };
        at_start = b.is_ascii_whitespace() || b == b'-';
    }
    unsafe { *output_len = input_len };
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    let info = CString::new(format!("{} v{}.{}.{}", NAME, VERSION.0, VERSION.1, VERSION.2)).unwrap();
    info.as_ptr() as *const u8
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    (VERSION.0 << 16) | (VERSION.1 << 8) | VERSION.2
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return 8 as *mut u8;
    }
    match Layout::from_size_align(size, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if size == 0 || ptr.is_null() {
        return;
    }
    unsafe { sys_dealloc(ptr, Layout::from_size_align_unchecked(size, 8)) }
}
