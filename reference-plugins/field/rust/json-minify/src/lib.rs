//! json-minify: validates one JSON text (RFC 8259) and writes it back without insignificant
//! whitespace. Strings and numbers are copied byte for byte. Anything that is not JSON gets -1.
//!
//! A recursive-descent parser runs twice: once to validate and count the output, once to
//! write it.

use core::{ptr, slice, str};

static INFO: &[u8] = b"json-minify v1.0.0\0";

struct Minifier<'a> {
    src: &'a [u8],
    pos: usize,
    out: *mut u8,
    written: usize,
    write: bool,
}

type R = Result<(), ()>;

impl<'a> Minifier<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn emit(&mut self, b: u8) {
        if self.write {
            unsafe { *self.out.add(self.written) = b };
        }
        self.written += 1;
    }

    /// Copies the current byte to the output and moves past it.
    fn take(&mut self) {
        let b = self.src[self.pos];
        self.emit(b);
        self.pos += 1;
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> R {
        self.skip_ws();
        match self.peek().ok_or(())? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(()),
        }
    }

    fn object(&mut self) -> R {
        self.take(); // '{'
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.take();
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(());
            }
            self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(());
            }
            self.take();
            self.value()?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.take(),
                Some(b'}') => {
                    self.take();
                    return Ok(());
                }
                _ => return Err(()),
            }
        }
    }

    fn array(&mut self) -> R {
        self.take(); // '['
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.take();
            return Ok(());
        }
        loop {
            self.value()?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.take(),
                Some(b']') => {
                    self.take();
                    return Ok(());
                }
                _ => return Err(()),
            }
        }
    }

    fn string(&mut self) -> R {
        self.take(); // opening quote
        loop {
            match self.peek().ok_or(())? {
                b'"' => {
                    self.take();
                    return Ok(());
                }
                b'\\' => {
                    self.take();
                    match self.peek().ok_or(())? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.take(),
                        b'u' => {
                            self.take();
                            for _ in 0..4 {
                                if !self.peek().ok_or(())?.is_ascii_hexdigit() {
                                    return Err(());
                                }
                                self.take();
                            }
                        }
                        _ => return Err(()),
                    }
                }
                0x00..=0x1F => return Err(()),
                _ => self.take(),
            }
        }
    }

    fn digits(&mut self) -> R {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(());
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.take();
        }
        Ok(())
    }

    fn number(&mut self) -> R {
        if self.peek() == Some(b'-') {
            self.take();
        }
        match self.peek() {
            Some(b'0') => self.take(),
            Some(b'1'..=b'9') => self.digits()?,
            _ => return Err(()),
        }
        if self.peek() == Some(b'.') {
            self.take();
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.take();
            if let Some(b'+' | b'-') = self.peek() {
                self.take();
            }
            self.digits()?;
        }
        Ok(())
    }

    fn literal(&mut self, word: &[u8]) -> R {
        if self.src[self.pos..].starts_with(word) {
            for _ in 0..word.len() {
                self.take();
            }
            Ok(())
        } else {
            Err(())
        }
    }

    fn document(&mut self) -> R {
        self.value()?;
        self.skip_ws();
        if self.pos == self.src.len() {
            Ok(())
        } else {
            Err(())
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

    let mut m = Minifier { src: input, pos: 0, out: output_ptr, written: 0, write: false };
    if m.document().is_err() {
        return -1;
    }
    let needed = m.written;
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }

    let mut m = Minifier { src: input, pos: 0, out: output_ptr, written: 0, write: true };
    if m.document().is_err() {
        return -99;
    }
    ptr::write_unaligned(output_len, m.written);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_00_00
}
