//! guide-resize: the plugin guide's nearest-neighbour resize of packed RGB8 pixels.
//!
//! `resize_image(input, params, output)` is the guide's function, with a check for zero
//! sizes (the guide divides by dst_width) and the sample clamped to the source. `process`
//! takes the 16-byte ResizeParams header followed by the pixels, and writes the resized
//! pixels with the usual capacity check.

use core::{ptr, slice};

static INFO: &[u8] = b"guide-resize v0.1.0\0";

#[repr(C)]
#[derive(Clone, Copy)]
pub struct ResizeParams {
    src_width: u32,
    src_height: u32,
    dst_width: u32,
    dst_height: u32,
}

fn resize(params: &ResizeParams, input: &[u8], output: &mut [u8]) {
    let x_ratio = params.src_width as f32 / params.dst_width as f32;
    let y_ratio = params.src_height as f32 / params.dst_height as f32;
    for y in 0..params.dst_height {
        for x in 0..params.dst_width {
            let src_x = ((x as f32 * x_ratio) as u32).min(params.src_width - 1);
            let src_y = ((y as f32 * y_ratio) as u32).min(params.src_height - 1);
            let src_idx = ((src_y * params.src_width + src_x) * 3) as usize;
            let dst_idx = ((y * params.dst_width + x) * 3) as usize;
            output[dst_idx..dst_idx + 3].copy_from_slice(&input[src_idx..src_idx + 3]);
        }
    }
}

fn valid(p: &ResizeParams) -> bool {
    p.src_width != 0 && p.src_height != 0 && p.dst_width != 0 && p.dst_height != 0
}

#[no_mangle]
pub unsafe extern "C" fn resize_image(
    input_ptr: *const u8,
    params_ptr: *const ResizeParams,
    output_ptr: *mut u8,
) -> i32 {
    if params_ptr.is_null() {
        return -1;
    }
    let params = ptr::read_unaligned(params_ptr);
    if !valid(&params) {
        return -1;
    }
    let src_len = (params.src_width * params.src_height * 3) as usize;
    let dst_len = (params.dst_width * params.dst_height * 3) as usize;
    let input = slice::from_raw_parts(input_ptr, src_len);
    let output = slice::from_raw_parts_mut(output_ptr, dst_len);
    resize(&params, input, output);
    0
}

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() || input_len < 16 {
        return -1;
    }
    let params = ptr::read_unaligned(input_ptr as *const ResizeParams);
    if !valid(&params) {
        return -1;
    }
    let src_len = (params.src_width * params.src_height * 3) as usize;
    if input_len - 16 != src_len {
        return -1;
    }
    let needed = (params.dst_width * params.dst_height * 3) as usize;
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    let input = slice::from_raw_parts(input_ptr.add(16), src_len);
    let output = slice::from_raw_parts_mut(output_ptr, needed);
    resize(&params, input, output);
    ptr::write_unaligned(output_len, needed);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
