//! base32: RFC 4648 base32 encoding (alphabet A-Z 2-7, padded with '=' to a multiple of 8).
//! Any bytes are accepted; the empty input encodes to the empty output. The output size is
//! known up front (8 characters per started 5-byte group), so the capacity is checked before
//! anything is written and the encoding goes straight into the host's buffer, no heap.
//! The block encoder is the one our streaming CLI uses, which reads its input in 4 KiB blocks.
use std::ptr;

static INFO: &[u8] = b"base32 v1.0.2\0";
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BLOCK: usize = 4096;

fn encoded_len(n: usize) -> Option<usize> {
    (n / 5 + (n % 5 != 0) as usize).checked_mul(8)
}

/// Encodes one block into `out` starting at `o`, returns the new position. A short last
/// group is padded.
fn encode_block(block: &[u8], out: &mut [u8], mut o: usize) -> usize {
    for group in block.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..group.len()].copy_from_slice(group);
        let v = (buf[0] as u64) << 32
            | (buf[1] as u64) << 24
            | (buf[2] as u64) << 16
            | (buf[3] as u64) << 8
            | buf[4] as u64;
        let chars = match group.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for k in 0..8 {
            out[o + k] = if k < chars {
                ALPHABET[((v >> (35 - 5 * k)) & 31) as usize]
            } else {
                b'='
            };
        }
        o += 8;
    }
    o
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let cap = unsafe { ptr::read_unaligned(output_len) };
    let need = match encoded_len(input_len) {
        Some(n) => n,
        None => return -2,
    };
    if need > cap {
        unsafe { ptr::write_unaligned(output_len, need) };
        return -3;
    }
    if input_len == 0 {
        unsafe { ptr::write_unaligned(output_len, 0) };
        return 0;
    }
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let out = unsafe { std::slice::from_raw_parts_mut(output_ptr, cap) };
    let mut o = 0;
    for block in input.chunks(BLOCK) {
        o = encode_block(block, out, o);
    }
    unsafe { ptr::write_unaligned(output_len, o) };
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010002
}
