//! rgb-resize: the guide's nearest-neighbour resize of packed RGB8 pixels, as `resize_image`
//! (params struct, output sized dst_width*dst_height*3 by the host) and as `process` (a 16-byte
//! little-endian ResizeParams header, then exactly src_width*src_height*3 pixel bytes; -3 with
//! the needed dst_width*dst_height*3). Zero dimensions, sizes that overflow 32 bits and a pixel
//! count that does not match the header give -1. Sampling as the guide: src_x =
//! min(trunc(f32(x) * (f32(src_w) / f32(dst_w))), src_w - 1), the same for y.
//! Thumbnail pipelines resize thousands of frames to one output width, so the column map
//! (src_x for every output column) is kept between calls and rebuilt only when the width changes.
//! Heap (the column map): exports alloc/dealloc. No imports.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"rgb-resize v0.4.1\0";

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 8) {
        Ok(l) => unsafe { sys_alloc(l) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if !p.is_null() {
        sys_dealloc(p, Layout::from_size_align_unchecked(size.max(1), 8));
    }
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct ResizeParams {
    src_width: u32,
    src_height: u32,
    dst_width: u32,
    dst_height: u32,
}

static mut COLS: Vec<u32> = Vec::new();
static mut COLS_WIDTH: u32 = 0;

fn sizes(p: &ResizeParams) -> Option<(usize, usize)> {
    if p.src_width == 0 || p.src_height == 0 || p.dst_width == 0 || p.dst_height == 0 {
        return None;
    }
    let src = p.src_width.checked_mul(p.src_height)?.checked_mul(3)?;
    let dst = p.dst_width.checked_mul(p.dst_height)?.checked_mul(3)?;
    Some((src as usize, dst as usize))
}

unsafe fn column_map(p: &ResizeParams) -> &'static [u32] {
    if COLS_WIDTH != p.dst_width {
        let x_ratio = p.src_width as f32 / p.dst_width as f32;
        COLS.clear();
        for x in 0..p.dst_width {
            let sx = (x as f32 * x_ratio) as u32;
            COLS.push(sx.min(p.src_width - 1));
        }
        COLS_WIDTH = p.dst_width;
    }
    &COLS
}

unsafe fn resize(p: &ResizeParams, input: &[u8], out: &mut [u8]) {
    let cols = column_map(p);
    let y_ratio = p.src_height as f32 / p.dst_height as f32;
    let sw = p.src_width as usize;
    let dw = p.dst_width as usize;
    for y in 0..p.dst_height as usize {
        let sy = ((y as f32 * y_ratio) as u32).min(p.src_height - 1) as usize;
        let row = &input[sy * sw * 3..(sy + 1) * sw * 3];
        let orow = &mut out[y * dw * 3..(y + 1) * dw * 3];
        for x in 0..dw {
            let s = cols[x] as usize * 3;
            orow[x * 3..x * 3 + 3].copy_from_slice(&row[s..s + 3]);
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn resize_image(input_ptr: *const u8, params_ptr: *const ResizeParams, output_ptr: *mut u8) -> i32 {
    let p = ptr::read_unaligned(params_ptr);
    let (src, dst) = match sizes(&p) {
        Some(s) => s,
        None => return -1,
    };
    let input = std::slice::from_raw_parts(input_ptr, src);
    let out = std::slice::from_raw_parts_mut(output_ptr, dst);
    resize(&p, input, out);
    0
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if input_len < 16 {
        return -1;
    }
    let p = ptr::read_unaligned(input_ptr as *const ResizeParams);
    let (src, dst) = match sizes(&p) {
        Some(s) => s,
        None => return -1,
    };
    if input_len - 16 != src {
        return -1;
    }
    let cap = ptr::read_unaligned(output_len);
    if dst > cap {
        ptr::write_unaligned(output_len, dst);
        return -3;
    }
    let input = std::slice::from_raw_parts(input_ptr.add(16), src);
    let out = std::slice::from_raw_parts_mut(output_ptr, dst);
    resize(&p, input, out);
    ptr::write_unaligned(output_len, dst);
    0
}
