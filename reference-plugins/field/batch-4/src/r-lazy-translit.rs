//! translit: folds Latin letters with diacritics to ASCII for search keys ("Ærøskøbing" ->
//! "AEroskobing", "Straße" -> "Strasse"); every other character is kept. Input must be UTF-8
//! (else -1). The folding table (U+00C0..U+017F) is built on the first call from a compact
//! description and kept for the life of the instance.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::sync::Once;

static INFO: &[u8] = b"translit v0.4.2\0";

const FIRST: u32 = 0xC0;
const LAST: u32 = 0x17F;
// one entry per code point from U+00C0, separated by '|'; empty means "keep"
const TABLE_SRC: &str = "A|A|A|A|Ae|A|AE|C|E|E|E|E|I|I|I|I|D|N|O|O|O|O|Oe||O|U|U|U|Ue|Y|Th|ss|a|a|a|a|ae|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|oe||o|u|u|u|ue|y|th|y|A|a|A|a|A|a|C|c|C|c|C|c|C|c|D|d|D|d|E|e|E|e|E|e|E|e|E|e|G|g|G|g|G|g|G|g|H|h|H|h|I|i|I|i|I|i|I|i|I|i|IJ|ij|J|j|K|k|k|L|l|L|l|L|l|L|l|L|l|N|n|N|n|N|n|n|N|n|O|o|O|o|O|o|OE|oe|R|r|R|r|R|r|S|s|S|s|S|s|S|s|T|t|T|t|T|t|U|u|U|u|U|u|U|u|U|u|U|u|W|w|Y|y|Y|Z|z|Z|z|Z|z|s";

static INIT: Once = Once::new();
static mut TABLE: Vec<&'static str> = Vec::new();

fn table() -> &'static [&'static str] {
    INIT.call_once(|| unsafe {
        TABLE = TABLE_SRC.split('|').collect();
        TABLE.resize((LAST - FIRST + 1) as usize, "");
    });
    unsafe { &TABLE }
}

fn fold(text: &str) -> Vec<u8> {
    let t = table();
    let mut out = Vec::with_capacity(text.len() + 8);
    for ch in text.chars() {
        let cp = ch as u32;
        if (FIRST..=LAST).contains(&cp) && !t[(cp - FIRST) as usize].is_empty() {
            out.extend_from_slice(t[(cp - FIRST) as usize].as_bytes());
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return -1,
    };
    let result = fold(text);
    unsafe {
        if result.len() > *output_len {
            *output_len = result.len();
            return -3;
        }
        std::ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
        *output_len = result.len();
    }
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x000402
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
