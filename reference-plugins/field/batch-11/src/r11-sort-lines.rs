//! sort-lines: sorts the lines of the input byte-wise, like `LC_ALL=C sort -s`: lines are
//! compared as byte strings (a prefix sorts first), equal lines keep their input order, and
//! every output line ends with a LF (a last line without one gets it), so "b\na\nc" ->
//! "a\nb\nc\n". An empty line is a line ("\n\nb\na" -> "\n\na\nb\n"). Every input is accepted;
//! the empty input gives the empty output. -3 with the needed size (the input length, plus 1
//! when the last line has no LF).
//! The unusual part is where the sort index lives: the host's output buffer is usually much
//! larger than the sorted text (4n + 1024 in the reference host), and the ABI makes the bytes
//! past *output_len the plugin's scratch space. So the index of line spans (8 bytes a line) is
//! built in the capacity after the output, 8-aligned, and sorted there; the lines are then copied
//! into the front of the buffer. Only when the capacity has no room for it (an exact-size
//! buffer, or many short lines) does the index go on the heap. Either way the output is the
//! same. Exports alloc/dealloc for the host's buffers (the heap path uses malloc).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"sort-lines v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUT_OF_MEMORY: i32 = -2;
const OUTPUT_TOO_SMALL: i32 = -3;

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

/// A line: start offset and length (without its LF) in the input.
#[derive(Clone, Copy)]
#[repr(C)]
struct Span {
    start: u32,
    len: u32,
}

fn fill_index(input: &[u8], index: &mut [Span]) {
    let mut k = 0;
    let mut start = 0usize;
    for (i, &c) in input.iter().enumerate() {
        if c == b'\n' {
            index[k] = Span { start: start as u32, len: (i - start) as u32 };
            k += 1;
            start = i + 1;
        }
    }
    if start < input.len() {
        index[k] = Span { start: start as u32, len: (input.len() - start) as u32 };
    }
}

fn sort_index(input: &[u8], index: &mut [Span]) {
    // Unstable sort with the start offset as the tie-break is a stable sort, with no buffer.
    index.sort_unstable_by(|a, b| {
        let la = &input[a.start as usize..(a.start + a.len) as usize];
        let lb = &input[b.start as usize..(b.start + b.len) as usize];
        la.cmp(lb).then(a.start.cmp(&b.start))
    });
}

fn write_lines(input: &[u8], index: &[Span], out: &mut [u8]) -> usize {
    let mut o = 0;
    for s in index {
        let line = &input[s.start as usize..(s.start + s.len) as usize];
        out[o..o + line.len()].copy_from_slice(line);
        o += line.len();
        out[o] = b'\n';
        o += 1;
    }
    o
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    if input_len > u32::MAX as usize / 2 {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    let lf = input.iter().filter(|&&c| c == b'\n').count();
    let open_last = !input.is_empty() && input[input.len() - 1] != b'\n';
    let lines = lf + open_last as usize;
    let need = input.len() + open_last as usize;
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }

    // Room for the index in the capacity past the output, from the first 8-aligned address?
    let out_addr = output_ptr as usize;
    let mis = out_addr.wrapping_add(need) & 7;
    let scratch_off = need + if mis == 0 { 0 } else { 8 - mis };
    let index_bytes = lines * std::mem::size_of::<Span>();
    // Scratch only where the capacity is real memory (a host may pass a capacity as a bound).
    let mem_end = core::arch::wasm32::memory_size(0) * 65536;
    let usable = cap.min(mem_end.saturating_sub(out_addr));
    let in_capacity = scratch_off <= usable && usable - scratch_off >= index_bytes;

    let written;
    if in_capacity {
        let index = std::slice::from_raw_parts_mut(output_ptr.add(scratch_off) as *mut Span, lines);
        fill_index(input, index);
        sort_index(input, index);
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        written = write_lines(input, index, out);
    } else {
        let mut index: Vec<Span> = Vec::new();
        if index.try_reserve_exact(lines).is_err() {
            return OUT_OF_MEMORY;
        }
        index.resize(lines, Span { start: 0, len: 0 });
        fill_index(input, &mut index);
        sort_index(input, &mut index);
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        written = write_lines(input, &index, out);
    }
    ptr::write_unaligned(output_len, written);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_00_00
}
