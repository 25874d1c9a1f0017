//! slugify-cache: turns a title into a URL slug: ASCII letters are lower-cased, ASCII letters
//! and digits are kept, every run of anything else (punctuation, spaces, any non-ASCII byte)
//! becomes one '-', and no '-' starts or ends the slug: "Hello, World! 2024" ->
//! "hello-world-2024", "Ünïcode" -> "n-code". Any bytes are accepted; no slug characters give
//! the empty output.
//!
//! Unusual, all allowed by the ABI:
//! - results for inputs up to 256 bytes are memoised in a bounded cache (at most 512 entries,
//!   keyed on the whole input, oldest evicted first), so memory grows over the first few
//!   hundred distinct titles and then stops; `cleanup` empties it;
//! - the cache is a std HashMap, whose RandomState is seeded through WASI random_get; its
//!   iteration order never reaches the output;
//! - a 0.x version: plugin_info is "slugify-cache v0.9.12", plugin_version 0x00090c;
//! - alloc(0) returns a dangling (non-null, 8-aligned) pointer that dealloc ignores;
//! - an extra export the ABI does not name, `cache_entries()`.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::collections::{HashMap, VecDeque};
use std::ptr;

static INFO: &[u8] = b"slugify-cache v0.9.12\0";

const MAX_KEY: usize = 256;
const MAX_ENTRIES: usize = 512;

struct Cache {
    map: HashMap<Vec<u8>, Vec<u8>>,
    order: VecDeque<Vec<u8>>,
}

static mut CACHE: Option<Cache> = None;

fn cache() -> &'static mut Cache {
    unsafe {
        if CACHE.is_none() {
            CACHE = Some(Cache { map: HashMap::new(), order: VecDeque::new() });
        }
        CACHE.as_mut().unwrap()
    }
}

fn slugify(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut pending_dash = false;
    for &b in input {
        if b.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push(b'-');
            }
            pending_dash = false;
            out.push(b.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

fn lookup(input: &[u8]) -> Vec<u8> {
    if input.len() > MAX_KEY {
        return slugify(input);
    }
    let c = cache();
    if let Some(v) = c.map.get(input) {
        return v.clone();
    }
    let v = slugify(input);
    if c.order.len() == MAX_ENTRIES {
        if let Some(old) = c.order.pop_front() {
            c.map.remove(&old);
        }
    }
    c.order.push_back(input.to_vec());
    c.map.insert(input.to_vec(), v.clone());
    v
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let slug = lookup(input);
    unsafe {
        let cap = ptr::read_unaligned(output_len);
        if slug.len() > cap {
            ptr::write_unaligned(output_len, slug.len());
            return -3;
        }
        if !slug.is_empty() {
            ptr::copy_nonoverlapping(slug.as_ptr(), output_ptr, slug.len());
        }
        ptr::write_unaligned(output_len, slug.len());
    }
    0
}

#[no_mangle]
pub extern "C" fn cache_entries() -> u32 {
    unsafe { CACHE.as_ref().map_or(0, |c| c.order.len() as u32) }
}

#[no_mangle]
pub extern "C" fn cleanup() {
    unsafe {
        CACHE = None;
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x00090c
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return ptr::NonNull::<u64>::dangling().as_ptr() as *mut u8;
    }
    match Layout::from_size_align(size, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(p: *mut u8, size: usize) {
    if size == 0 || p.is_null() {
        return;
    }
    unsafe { sys_dealloc(p, Layout::from_size_align_unchecked(size, 8)) }
}
