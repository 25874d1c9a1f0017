//! json-keys: accepts only a JSON object and lists its top-level keys, one per line, in
//! document order, exactly as they are spelled in the source (escapes are kept):
//!
//!     {"b": 1, "a": {"x": [2]}}   ->   "b\na\n"
//!
//! The whole input must be one valid JSON text (RFC 8259, UTF-8) whose top-level value is an
//! object; arrays, strings, numbers, literals, trailing garbage and invalid UTF-8 all get -1.
//! `{}` gives an empty output. The parser is iterative (an explicit stack, no recursion);
//! nesting deeper than MAX_DEPTH levels is rejected with -1, as RFC 8259 section 9 allows.

use core::{ptr, slice, str};

static INFO: &[u8] = b"json-keys v1.0.0\0";

const MAX_DEPTH: usize = 4096;

#[derive(Clone, Copy, PartialEq)]
enum Expect {
    /// A value (after ':' or ',' in an array, or at the top).
    Value,
    /// A value or ']' (just after '[').
    ValueOrClose,
    /// A key or '}' (just after '{').
    KeyOrClose,
    /// A key (after ',' in an object).
    Key,
    Colon,
    /// ',' or the closing bracket of the current container.
    CommaOrClose,
    /// The top-level object has closed: only whitespace may follow.
    Done,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Returns the index just past the string starting at `s[i] == '"'`.
fn skip_string(s: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match *s.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => {
                match *s.get(i + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    b'u' => {
                        let hex = s.get(i + 2..i + 6)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        i += 6;
                    }
                    _ => return None,
                }
            }
            0x00..=0x1F => return None,
            _ => i += 1,
        }
    }
}

fn skip_digits(s: &[u8], mut i: usize) -> Option<usize> {
    let start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        None
    } else {
        Some(i)
    }
}

fn skip_number(s: &[u8], mut i: usize) -> Option<usize> {
    if s.get(i) == Some(&b'-') {
        i += 1;
    }
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = skip_digits(s, i)?,
        _ => return None,
    }
    if s.get(i) == Some(&b'.') {
        i = skip_digits(s, i + 1)?;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = s.get(i) {
            i += 1;
        }
        i = skip_digits(s, i)?;
    }
    Some(i)
}

/// Validates `s` and calls `key(raw_key_bytes)` for each top-level key. None if invalid.
fn walk(s: &[u8], mut key: impl FnMut(&[u8])) -> Option<()> {
    let mut stack = [0u8; MAX_DEPTH];
    let mut depth = 0usize;
    let mut expect = Expect::Value;
    let mut i = 0usize;
    loop {
        while i < s.len() && is_ws(s[i]) {
            i += 1;
        }
        if i == s.len() {
            return if expect == Expect::Done { Some(()) } else { None };
        }
        let c = s[i];
        let after_value = |depth: usize| if depth == 0 { Expect::Done } else { Expect::CommaOrClose };
        match expect {
            Expect::Done => return None,
            Expect::Value | Expect::ValueOrClose => {
                if expect == Expect::ValueOrClose && c == b']' {
                    depth -= 1;
                    i += 1;
                    expect = after_value(depth);
                    continue;
                }
                if depth == 0 && c != b'{' {
                    return None; // only an object is accepted at the top
                }
                match c {
                    b'{' | b'[' => {
                        if depth == MAX_DEPTH {
                            return None;
                        }
                        stack[depth] = c;
                        depth += 1;
                        i += 1;
                        expect = if c == b'{' { Expect::KeyOrClose } else { Expect::ValueOrClose };
                    }
                    b'"' => {
                        i = skip_string(s, i)?;
                        expect = after_value(depth);
                    }
                    b't' | b'f' | b'n' => {
                        let word: &[u8] = match c {
                            b't' => b"true",
                            b'f' => b"false",
                            _ => b"null",
                        };
                        if !s[i..].starts_with(word) {
                            return None;
                        }
                        i += word.len();
                        expect = after_value(depth);
                    }
                    b'-' | b'0'..=b'9' => {
                        i = skip_number(s, i)?;
                        expect = after_value(depth);
                    }
                    _ => return None,
                }
            }
            Expect::KeyOrClose | Expect::Key => {
                if expect == Expect::KeyOrClose && c == b'}' {
                    depth -= 1;
                    i += 1;
                    expect = after_value(depth);
                    continue;
                }
                if c != b'"' {
                    return None;
                }
                let end = skip_string(s, i)?;
                if depth == 1 {
                    key(&s[i + 1..end - 1]);
                }
                i = end;
                expect = Expect::Colon;
            }
            Expect::Colon => {
                if c != b':' {
                    return None;
                }
                i += 1;
                expect = Expect::Value;
            }
            Expect::CommaOrClose => {
                let top = stack[depth - 1];
                i += 1;
                match (c, top) {
                    (b',', b'{') => expect = Expect::Key,
                    (b',', _) => expect = Expect::Value,
                    (b'}', b'{') | (b']', b'[') => {
                        depth -= 1;
                        expect = after_value(depth);
                    }
                    _ => return None,
                }
            }
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
    if str::from_utf8(input).is_err() {
        return -1;
    }
    let mut needed = 0usize;
    if walk(input, |k| needed += k.len() + 1).is_none() {
        return -1;
    }
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    let mut pos = 0usize;
    let _ = walk(input, |k| {
        if pos + k.len() + 1 <= needed {
            ptr::copy_nonoverlapping(k.as_ptr(), output_ptr.add(pos), k.len());
            *output_ptr.add(pos + k.len()) = b'\n';
            pos += k.len() + 1;
        }
    });
    ptr::write_unaligned(output_len, pos);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
