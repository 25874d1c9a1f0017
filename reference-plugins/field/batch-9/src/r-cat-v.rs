//! cat-v: makes control and non-ASCII bytes visible the way `cat -v` does: a control byte
//! (0x00-0x1F except TAB and LF) becomes ^@..^_, DEL becomes ^?, a byte 0x80-0xFF becomes "M-"
//! followed by the same notation for its low 7 bits ("M-^A", "M-a", "M-^?"); everything else is
//! copied: "a\x01b\xff\n" -> "a^Ab" + "M-^?\n". Every input is accepted; the output is at most
//! 4x the input, and the empty input gives the empty output.
//!
//! The output is built in a Vec and copied once it is known to fit. The host's buffers come
//! from a small arena (one Vec carved into 8-byte aligned blocks, emptied when the host has
//! freed every block), exported as alloc/dealloc: std's malloc would otherwise claim the pages
//! the host grows for its buffers.
use std::ptr;

static INFO: &[u8] = b"cat-v v1.1.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn render(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() + input.len() / 4);
    for &b in input {
        let mut c = b;
        if c >= 0x80 {
            out.extend_from_slice(b"M-");
            c &= 0x7f;
        }
        if c == b'\t' || c == b'\n' || (0x20..0x7f).contains(&c) {
            out.push(c);
        } else if c == 0x7f {
            out.extend_from_slice(b"^?");
        } else {
            out.push(b'^');
            out.push(c + 0x40);
        }
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let out = render(input);
    if out.len() > cap {
        ptr::write_unaligned(output_len, out.len());
        return OUTPUT_TOO_SMALL;
    }
    if !out.is_empty() {
        ptr::copy_nonoverlapping(out.as_ptr(), output_ptr, out.len());
    }
    ptr::write_unaligned(output_len, out.len());
    OK
}

// ---- the host's buffers: a bump arena, reset when every block has been freed ----

static mut ARENA: Vec<u8> = Vec::new();
static mut LIVE: usize = 0;
const ARENA_START: usize = 64 * 1024;

#[no_mangle]
pub unsafe extern "C" fn alloc(size: usize) -> *mut u8 {
    let size = match size.checked_add(7) {
        Some(s) => s & !7,
        None => return ptr::null_mut(),
    };
    if ARENA.capacity() == 0 && ARENA.try_reserve(ARENA_START).is_err() {
        return ptr::null_mut();
    }
    // Keep every block 8-aligned relative to the arena's (malloc-aligned) start.
    let off = ARENA.len();
    if ARENA.try_reserve(size).is_err() {
        return ptr::null_mut();
    }
    ARENA.resize(off + size, 0);
    LIVE += 1;
    ARENA.as_mut_ptr().add(off)
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, _size: usize) {
    if p.is_null() || LIVE == 0 {
        return;
    }
    LIVE -= 1;
    if LIVE == 0 {
        // Everything is back: start carving from the beginning again (the capacity stays).
        ARENA.clear();
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    (1 << 16) | (1 << 8)
}
