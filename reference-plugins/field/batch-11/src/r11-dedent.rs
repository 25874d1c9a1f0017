//! dedent: removes the indentation that all lines share, like Python's textwrap.dedent, for
//! code snippets cut out of a larger file: the longest run of spaces and tabs that is a prefix
//! of every non-blank line is removed from each of them ("    a\n      b\n" -> "a\n  b\n").
//! Blank lines (only spaces and tabs) become empty and do not take part in the prefix; "\t"
//! and " " are different bytes, so "\tx\n    y\n" has no common prefix. LFs are kept where
//! they are (a last line without one stays without); a CR is line content. Every input is
//! accepted; the empty input gives the empty output. The output is never longer than the input;
//! with too small a capacity the call is -3 with the needed size.
//! Heap: a Vec of line spans per call, so the module exports alloc/dealloc (Rust 1.63's malloc
//! would otherwise claim the host's pages). init records the memory size, which process uses
//! to check the host's pointers: an input or length cell outside the plugin's memory is -1
//! rather than a trap, and a capacity is only used up to the end of memory.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"dedent v1.0.2\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

/// One past the last valid address of our linear memory, set by init.
static mut MEM_END: usize = 0;

#[no_mangle]
pub extern "C" fn init() -> i32 {
    unsafe {
        MEM_END = core::arch::wasm32::memory_size(0) * 65536;
    }
    OK
}

/// True when [p, p + n) lies inside our memory: a host that passes a bad pointer or length
/// gets -1 instead of a trap.
fn inside(p: usize, n: usize) -> bool {
    match p.checked_add(n) {
        Some(end) => end <= unsafe { MEM_END },
        None => false,
    }
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    sys_dealloc(p, Layout::from_size_align_unchecked(size.max(1), 8));
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&c| c == b' ' || c == b'\t')
}

fn indent_len(line: &[u8]) -> usize {
    line.iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() || !inside(output_len as usize, 4) {
        return INVALID_INPUT;
    }
    if !inside(input_ptr as usize, input_len) {
        return INVALID_INPUT;
    }
    // A capacity that runs past the end of memory can only be used up to there.
    let cap = ptr::read_unaligned(output_len).min(MEM_END.saturating_sub(output_ptr as usize));
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    // Line spans (start, length without the LF, has LF).
    let mut lines: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0;
    while start < input.len() {
        match input[start..].iter().position(|&c| c == b'\n') {
            Some(i) => {
                lines.push((start, i, true));
                start += i + 1;
            }
            None => {
                lines.push((start, input.len() - start, false));
                start = input.len();
            }
        }
    }

    // The common prefix: the shortest leading run, cut where two runs first differ.
    let mut prefix: Option<&[u8]> = None;
    for &(s, n, _) in &lines {
        let line = &input[s..s + n];
        if is_blank(line) {
            continue;
        }
        let run = &line[..indent_len(line)];
        prefix = Some(match prefix {
            None => run,
            Some(p) => {
                let k = p.iter().zip(run.iter()).take_while(|(a, b)| a == b).count();
                &p[..k]
            }
        });
    }
    let cut = prefix.map_or(0, |p| p.len());

    let mut need = 0usize;
    for &(s, n, lf) in &lines {
        let line = &input[s..s + n];
        if !is_blank(line) {
            need += n - cut;
        }
        if lf {
            need += 1;
        }
    }
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }

    let out = std::slice::from_raw_parts_mut(output_ptr, need);
    let mut o = 0;
    for &(s, n, lf) in &lines {
        let line = &input[s..s + n];
        if !is_blank(line) {
            out[o..o + n - cut].copy_from_slice(&line[cut..]);
            o += n - cut;
        }
        if lf {
            out[o] = b'\n';
            o += 1;
        }
    }
    ptr::write_unaligned(output_len, o);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_00_02
}
