//! u8-f32norm: turns 8-bit samples (grayscale pixels, quantised audio, byte features) into the
//! normalised float32 tensor a model takes: each input byte b becomes the little-endian f32
//! b / 255.0, so the output is exactly 4 bytes per input byte (0x00 -> 0.0, 0xff -> 1.0).
//! Every input is accepted; the empty input gives the empty output. An input whose output
//! would not fit the 32-bit length (1 GiB or more) is -1.
//! No heap, no imports: the floats are stored straight into the host's buffer, one word at a
//! time.
use std::ptr;

static INFO: &[u8] = b"u8-f32norm v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let need = match input_len.checked_mul(4) {
        Some(n) => n,
        None => return INVALID_INPUT,
    };
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    if input_len > 0 {
        let input = std::slice::from_raw_parts(input_ptr, input_len);
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        // Host buffers come from an allocator, so they are word-aligned: the whole output is
        // the aligned middle part and the f32 stores need no byte shuffling.
        let (head, floats, _tail) = out.align_to_mut::<f32>();
        debug_assert!(head.is_empty());
        for (i, &b) in input.iter().enumerate() {
            floats[i] = b as f32 / 255.0;
        }
    }
    ptr::write_unaligned(output_len, need);
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
