//! strip-comments: drops the comment lines (first byte that is not a space or tab is '#')
//! and the blank lines (only spaces, tabs or a CR) of a config file; every other line is
//! copied unchanged with its line break. Any bytes are accepted.
//! No heap: a measuring pass gives the output size, then the lines are copied straight into
//! the host's buffer. A capacity of 0 is a size query: the host asks for the size first and
//! allocates exactly that.
use std::ptr;

static INFO: &[u8] = b"strip-comments v1.0.1\0";

/// Calls `keep(start, end)` for every kept line, `end` including its '\n' when it has one.
fn for_kept_lines(input: &[u8], mut keep: impl FnMut(usize, usize)) {
    let mut start = 0;
    while start < input.len() {
        let end = match input[start..].iter().position(|&b| b == b'\n') {
            Some(k) => start + k + 1,
            None => input.len(),
        };
        let line = &input[start..end];
        let lead = line.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let rest = &line[lead..];
        let blank = matches!(rest, b"" | b"\n" | b"\r\n" | b"\r");
        if !blank && rest[0] != b'#' {
            keep(start, end);
        }
        start = end;
    }
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let mut need = 0usize;
    for_kept_lines(input, |s, e| need += e - s);
    let cap = unsafe { ptr::read_unaligned(output_len) };
    if cap == 0 || need > cap {
        // size query, or too small: tell the host what to allocate
        unsafe { ptr::write_unaligned(output_len, need) };
        return -3;
    }
    let mut o = 0usize;
    for_kept_lines(input, |s, e| {
        unsafe { ptr::copy_nonoverlapping(input.as_ptr().add(s), output_ptr.add(o), e - s) };
        o += e - s;
    });
    unsafe { ptr::write_unaligned(output_len, o) };
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010001
}
