//! Zenith reference plugin `resize`: nearest-neighbour resize of packed RGB8 images.
//!
//! It implements the guide's "Image Resize Plugin" example with every ABI point made precise,
//! and is meant to be copied as the starting point of an image plugin. See README.md.
//!
//! Exports: `resize_image` (the guide's three-pointer form, sizes from a [`ResizeParams`]
//! struct), `process` (the same resize behind the byte-oriented signature: a 16-byte header,
//! then the pixels), `plugin_info`, `plugin_version` (and the module's `memory`).
//! Deliberately absent: `init`, `cleanup`, `alloc`, `dealloc`, `_start` (the host owns every
//! buffer, and a plugin with no state has nothing to set up or tear down).
//!
//! Pixels are packed RGB8: 3 bytes per pixel, rows top to bottom, no padding, so an image of
//! `w × h` pixels is exactly `w * h * 3` bytes.

// Every unsafe operation gets its own block and its own SAFETY comment, even inside the
// `unsafe extern "C"` entry points, so a reviewer can check each one on its own.
#![deny(unsafe_op_in_unsafe_fn)]

use core::{cmp, ptr, slice};

/// Return codes of `process` and `resize_image`, as fixed by the ABI.
pub const OK: i32 = 0;
pub const INVALID_INPUT: i32 = -1;
pub const OUT_OF_MEMORY: i32 = -2;
pub const OUTPUT_TOO_SMALL: i32 = -3;
pub const INTERNAL: i32 = -99;

/// Bytes per RGB8 pixel.
pub const BYTES_PER_PIXEL: u32 = 3;

/// Size of [`ResizeParams`], and of the header `process` expects before the pixels.
pub const PARAMS_BYTES: usize = 16;

/// `plugin_info` and `plugin_version` are both derived from the package version in
/// Cargo.toml, so bumping that one line keeps them in sync.
static INFO: &str = concat!(
    env!("CARGO_PKG_NAME"),
    " v",
    env!("CARGO_PKG_VERSION"),
    "\0"
);

const VERSION_MAJOR: u32 = parse_version_part(env!("CARGO_PKG_VERSION_MAJOR"));
const VERSION_MINOR: u32 = parse_version_part(env!("CARGO_PKG_VERSION_MINOR"));
const VERSION_PATCH: u32 = parse_version_part(env!("CARGO_PKG_VERSION_PATCH"));

/// `major << 16 | minor << 8 | patch`, the encoding the ABI uses for `plugin_version`.
pub const VERSION: u32 = VERSION_MAJOR << 16 | VERSION_MINOR << 8 | VERSION_PATCH;

/// Parses one decimal version component at compile time. A component that does not fit the
/// 8-bit field of `plugin_version` fails the build instead of silently wrapping.
const fn parse_version_part(s: &str) -> u32 {
    let bytes = s.as_bytes();
    assert!(!bytes.is_empty(), "empty version component");
    let mut value: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let digit = bytes[i];
        assert!(digit.is_ascii_digit(), "version component is not a number");
        value = value * 10 + (digit - b'0') as u32;
        assert!(value <= 255, "version component does not fit in 8 bits");
        i += 1;
    }
    value
}

/// Source and destination sizes in pixels: the guide's struct, 16 bytes, four little-endian
/// `u32`s in this order. The host may place it at any alignment, so it is only ever read with
/// `ptr::read_unaligned`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResizeParams {
    pub src_width: u32,
    pub src_height: u32,
    pub dst_width: u32,
    pub dst_height: u32,
}

// The layout the ABI fixes; a field added or retyped by mistake fails the build.
const _: () = assert!(core::mem::size_of::<ResizeParams>() == PARAMS_BYTES);

impl ResizeParams {
    /// Parses the 16-byte little-endian header of `process`. `None` if `bytes` is not exactly
    /// 16 bytes long.
    pub fn from_le_slice(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != PARAMS_BYTES {
            return None;
        }
        Some(Self {
            src_width: read_u32_le(bytes, 0)?,
            src_height: read_u32_le(bytes, 4)?,
            dst_width: read_u32_le(bytes, 8)?,
            dst_height: read_u32_le(bytes, 12)?,
        })
    }

    /// Converts a struct read from wasm memory (little-endian by definition) to native
    /// integers, like `u32::from_le`. A no-op on wasm and on every little-endian host.
    pub fn from_le(raw: Self) -> Self {
        Self {
            src_width: u32::from_le(raw.src_width),
            src_height: u32::from_le(raw.src_height),
            dst_width: u32::from_le(raw.dst_width),
            dst_height: u32::from_le(raw.dst_height),
        }
    }

    /// The 16-byte little-endian encoding, as `process` expects it at the start of its input.
    pub fn to_le_bytes(self) -> [u8; PARAMS_BYTES] {
        let [a0, a1, a2, a3] = self.src_width.to_le_bytes();
        let [b0, b1, b2, b3] = self.src_height.to_le_bytes();
        let [c0, c1, c2, c3] = self.dst_width.to_le_bytes();
        let [d0, d1, d2, d3] = self.dst_height.to_le_bytes();
        [
            a0, a1, a2, a3, b0, b1, b2, b3, c0, c1, c2, c3, d0, d1, d2, d3,
        ]
    }

    /// Checks the sizes and computes the buffer lengths, or returns `None` (InvalidInput)
    /// when a dimension is 0 or an image's byte size `w * h * 3` does not fit a `u32`.
    pub fn plan(self) -> Option<Plan> {
        let src_bytes = image_bytes(self.src_width, self.src_height)?;
        let dst_bytes = image_bytes(self.dst_width, self.dst_height)?;
        Some(Plan {
            params: self,
            src_len: usize::try_from(src_bytes).ok()?,
            dst_len: usize::try_from(dst_bytes).ok()?,
        })
    }
}

/// Validated [`ResizeParams`] with the byte sizes of both images. Only [`ResizeParams::plan`]
/// makes one, so a `Plan` always has non-zero dimensions and `u32`-sized images.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    params: ResizeParams,
    /// `src_width * src_height * 3`, the exact input size.
    pub src_len: usize,
    /// `dst_width * dst_height * 3`, the exact number of bytes written.
    pub dst_len: usize,
}

impl Plan {
    pub fn params(&self) -> ResizeParams {
        self.params
    }
}

/// `width * height * 3` when both are non-zero and the product fits a `u32`.
pub fn image_bytes(width: u32, height: u32) -> Option<u32> {
    if width == 0 || height == 0 {
        return None;
    }
    width.checked_mul(height)?.checked_mul(BYTES_PER_PIXEL)
}

/// The guide's scale factor: `src as f32 / dst as f32`.
pub fn scale_ratio(src_size: u32, dst_size: u32) -> f32 {
    src_size as f32 / dst_size as f32
}

/// The source coordinate nearest-neighbour sampling reads for destination coordinate `d`:
/// `min((d as f32 * ratio) as u32, src_size - 1)`.
///
/// The clamp matters. Mathematically `d * src / dst < src` for every `d < dst`, but in f32 the
/// ratio, `d as f32` and the product are each rounded, and the result can reach `src_size`
/// itself: with `src = 1, dst = 13_103_685` the last column maps to 1, and with
/// `src = 10_485_764, dst = 10_485_762` (a downscale) to 10_485_764. The guide's code would
/// read past the input there. `as u32` saturates (and maps NaN to 0), so the cast cannot fail.
pub fn source_coordinate(d: u32, ratio: f32, src_size: u32) -> u32 {
    cmp::min((d as f32 * ratio) as u32, src_size.saturating_sub(1))
}

/// Nearest-neighbour resize of `src` into `dst`, both exactly the plan's sizes. Writes every
/// byte of `dst` in order, destination pixel `(x, y)` at `(y * dst_width + x) * 3`.
///
/// Cannot panic: no indexing, checked arithmetic, and `get` for every read. The `INTERNAL`
/// error paths are unreachable for a [`Plan`] with matching buffers (every index is below
/// `src_width * src_height * 3`, which fits a `u32`); if one were ever taken, `dst` would be
/// partly written.
pub fn resize_rgb8(src: &[u8], dst: &mut [u8], plan: &Plan) -> Result<(), i32> {
    let p = plan.params;
    if src.len() != plan.src_len || dst.len() != plan.dst_len {
        return Err(INTERNAL);
    }
    let x_ratio = scale_ratio(p.src_width, p.dst_width);
    let y_ratio = scale_ratio(p.src_height, p.dst_height);
    // Destination pixels in row-major order: the n-th chunk is pixel (n % w, n / w).
    let mut pixels = dst.chunks_exact_mut(BYTES_PER_PIXEL as usize);
    for y in 0..p.dst_height {
        let src_y = source_coordinate(y, y_ratio, p.src_height);
        let row = src_y.checked_mul(p.src_width).ok_or(INTERNAL)?;
        for x in 0..p.dst_width {
            let src_x = source_coordinate(x, x_ratio, p.src_width);
            let start = row
                .checked_add(src_x)
                .and_then(|i| i.checked_mul(BYTES_PER_PIXEL))
                .and_then(|i| usize::try_from(i).ok())
                .ok_or(INTERNAL)?;
            let from: &[u8; 3] = start
                .checked_add(3)
                .and_then(|end| src.get(start..end))
                .and_then(|s| s.try_into().ok())
                .ok_or(INTERNAL)?;
            let to: &mut [u8; 3] = pixels
                .next()
                .and_then(|s| s.try_into().ok())
                .ok_or(INTERNAL)?;
            *to = *from;
        }
    }
    Ok(())
}

/// The guide's entry point: resizes the `src_width × src_height` RGB8 image at `input_ptr`
/// into the `dst_width × dst_height` buffer at `output_ptr`, writing exactly
/// `dst_width * dst_height * 3` bytes.
///
/// Returns [`OK`], or [`INVALID_INPUT`] (writing nothing) for a null `params_ptr`, a zero
/// dimension, an image whose byte size `w * h * 3` does not fit a `u32`, a null or
/// address-space-wrapping buffer, or input and output buffers that overlap.
///
/// # Safety
///
/// `params_ptr`, when non-null, points at 16 readable bytes at any alignment. When the
/// parameters are valid, the host guarantees that `input_ptr` holds `src_w * src_h * 3`
/// readable bytes and `output_ptr` `dst_w * dst_h * 3` writable bytes, at any alignment, and
/// that no two buffers overlap.
#[no_mangle]
pub unsafe extern "C" fn resize_image(
    input_ptr: *const u8,
    params_ptr: *const ResizeParams,
    output_ptr: *mut u8,
) -> i32 {
    if params_ptr.is_null() {
        return INVALID_INPUT;
    }
    // SAFETY: non-null, and the host guarantees 16 readable bytes. The struct may be at any
    // alignment, so it is copied out with `read_unaligned` (a `&*params_ptr` as in the guide
    // would assume 4-byte alignment). Every bit pattern is a valid `ResizeParams`.
    let params = ResizeParams::from_le(unsafe { ptr::read_unaligned(params_ptr) });
    let plan = match params.plan() {
        Some(plan) => plan,
        None => return INVALID_INPUT,
    };
    let (input, output) = (input_ptr as usize, output_ptr as usize);
    if !range_is_addressable(input, plan.src_len)
        || !range_is_addressable(output, plan.dst_len)
        || ranges_overlap(input, plan.src_len, output, plan.dst_len)
    {
        return INVALID_INPUT;
    }
    // SAFETY: both lengths are non-zero (a plan has no zero dimension), both ranges are
    // non-null, do not wrap, fit isize, and do not overlap (checked above); the host
    // guarantees they are readable / writable for the plan's sizes, and `u8` needs no
    // alignment. Neither slice outlives this call.
    let src = unsafe { slice::from_raw_parts(input_ptr, plan.src_len) };
    // SAFETY: as above; `dst` is the only reference to the output range.
    let dst = unsafe { slice::from_raw_parts_mut(output_ptr, plan.dst_len) };
    match resize_rgb8(src, dst, &plan) {
        Ok(()) => OK,
        Err(code) => code,
    }
}

/// The same resize behind the `process` signature every plugin exports.
///
/// Input: a 16-byte header (src_width, src_height, dst_width, dst_height as little-endian
/// `u32`, the layout of [`ResizeParams`]) followed by exactly `src_w * src_h * 3` pixel
/// bytes. `*output_len` is in/out and counts bytes: the capacity on entry, on return
/// `dst_w * dst_h * 3`, the bytes written (or needed, with [`OUTPUT_TOO_SMALL`], when nothing
/// else is written).
///
/// Returns [`OK`], [`OUTPUT_TOO_SMALL`], or [`INVALID_INPUT`] (writing nothing) for a null
/// `output_len`, an input shorter than 16 bytes or of the wrong length for its header,
/// invalid dimensions as for [`resize_image`], a null or address-space-wrapping buffer, or
/// overlapping input and output. Invalid input is reported before a too-small output.
///
/// # Safety
///
/// The host guarantees that `input_ptr..input_ptr + input_len` is readable,
/// `output_ptr..output_ptr + capacity` is writable, the ranges do not overlap each other or
/// the length cell, and `output_len` points at 4 (on wasm32) readable and writable bytes.
/// Every pointer may have any alignment. When a length is 0 the matching pointer may be
/// dangling and is never dereferenced.
#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    // Without the cell there is no way to report anything, not even the needed size.
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    // SAFETY: non-null, and the host guarantees the cell is valid. Fuzzing hosts place it at
    // odd addresses, so a plain `*output_len` (which assumes alignment) would be wrong.
    let capacity = unsafe { ptr::read_unaligned(output_len) };

    // Also rejects input_len == 0 before its (possibly dangling) pointer is looked at.
    if input_len < PARAMS_BYTES || !range_is_addressable(input_ptr as usize, input_len) {
        return INVALID_INPUT;
    }
    // SAFETY: `input_len >= 16`, the range is non-null, does not wrap and fits isize (checked
    // above), the host guarantees it is readable and unchanged during the call, and `u8`
    // needs no alignment. The slice does not outlive this call.
    let input = unsafe { slice::from_raw_parts(input_ptr, input_len) };
    let header = input
        .get(..PARAMS_BYTES)
        .and_then(ResizeParams::from_le_slice);
    let pixels = input.get(PARAMS_BYTES..);
    let (plan, pixels) = match (header.and_then(ResizeParams::plan), pixels) {
        (Some(plan), Some(pixels)) if pixels.len() == plan.src_len => (plan, pixels),
        _ => return INVALID_INPUT,
    };

    let needed = plan.dst_len;
    if needed > capacity {
        // SAFETY: as above. Only the needed size is reported; the output is not touched.
        unsafe { ptr::write_unaligned(output_len, needed) };
        return OUTPUT_TOO_SMALL;
    }
    if !range_is_addressable(output_ptr as usize, needed)
        || ranges_overlap(input_ptr as usize, input_len, output_ptr as usize, needed)
    {
        return INVALID_INPUT;
    }
    // SAFETY: `needed` is non-zero (a plan has no zero dimension) and at most `capacity`, the
    // bytes the host guarantees writable at `output_ptr`; the range is non-null, does not
    // wrap, fits isize and does not overlap the input (checked above). `dst` is the only
    // reference to it and does not outlive this call.
    let dst = unsafe { slice::from_raw_parts_mut(output_ptr, needed) };
    if let Err(code) = resize_rgb8(pixels, dst, &plan) {
        return code;
    }

    // SAFETY: as above.
    unsafe { ptr::write_unaligned(output_len, needed) };
    OK
}

/// Reads the little-endian `u32` at `offset`, or `None` past the end of `bytes`.
fn read_u32_le(bytes: &[u8], offset: usize) -> Option<u32> {
    let end = offset.checked_add(4)?;
    let word: [u8; 4] = bytes.get(offset..end)?.try_into().ok()?;
    Some(u32::from_le_bytes(word))
}

/// True when `start..start + len` is a range a slice could be built from, as far as a plugin
/// can tell without dereferencing it: not null, not wrapping around the address space, and at
/// most `isize::MAX` bytes long (a requirement of `slice::from_raw_parts`).
fn range_is_addressable(start: usize, len: usize) -> bool {
    start != 0 && start.checked_add(len).is_some() && len <= isize::MAX as usize
}

/// True when the ranges `a..a + a_len` and `b..b + b_len` share a byte (an empty range shares
/// none). The ABI promises buffers never overlap; checking costs two comparisons and turns a
/// host bug into InvalidInput instead of undefined behaviour (a `&[u8]` and a `&mut [u8]` over
/// the same bytes). Callers have checked that the ranges do not wrap.
fn ranges_overlap(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    a_len > 0 && b_len > 0 && a < b.saturating_add(b_len) && b < a.saturating_add(a_len)
}

/// Returns a pointer to the static, NUL-terminated string `"resize v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ptr::NonNull;

    const CANARY: u8 = 0xAA;
    /// Canary bytes kept before and after every output buffer the tests hand out.
    const GUARD: usize = 8;

    fn params(src_width: u32, src_height: u32, dst_width: u32, dst_height: u32) -> ResizeParams {
        ResizeParams {
            src_width,
            src_height,
            dst_width,
            dst_height,
        }
    }

    /// The ABI's oracle, written the obvious way with indexing (panics are fine in tests).
    fn oracle(src: &[u8], p: ResizeParams) -> Vec<u8> {
        let (sw, sh, dw, dh) = (p.src_width, p.src_height, p.dst_width, p.dst_height);
        let x_ratio = sw as f32 / dw as f32;
        let y_ratio = sh as f32 / dh as f32;
        let mut out = vec![0_u8; (dw * dh * 3) as usize];
        for y in 0..dh {
            for x in 0..dw {
                let src_x = cmp::min((x as f32 * x_ratio) as u32, sw - 1);
                let src_y = cmp::min((y as f32 * y_ratio) as u32, sh - 1);
                let s = ((src_y * sw + src_x) * 3) as usize;
                let d = ((y * dw + x) * 3) as usize;
                out[d..d + 3].copy_from_slice(&src[s..s + 3]);
            }
        }
        out
    }

    /// A test image whose every pixel is distinct: pixel i is (i, i + 100, i + 200) mod 256.
    fn image(width: u32, height: u32) -> Vec<u8> {
        (0..width * height)
            .flat_map(|i| [i as u8, (i + 100) as u8, (i + 200) as u8])
            .collect()
    }

    /// Pixel i of [`image`].
    fn px(i: u8) -> [u8; 3] {
        [i, i.wrapping_add(100), i.wrapping_add(200)]
    }

    /// Calls `resize_image` with the params struct at byte misalignment `params_misalign` and
    /// the input and output at `misalign`, with guard canaries around the output. Returns the
    /// return code and the output (without guards), after checking the guards and the input.
    fn call_resize(
        input: &[u8],
        p: ResizeParams,
        out_len: usize,
        misalign: usize,
        params_misalign: usize,
    ) -> (i32, Vec<u8>) {
        let mut raw = vec![0_u8; params_misalign + PARAMS_BYTES];
        raw[params_misalign..].copy_from_slice(&p.to_le_bytes());
        let params_ptr = unsafe { raw.as_ptr().add(params_misalign) } as *const ResizeParams;

        let mut inbuf = vec![0x77_u8; misalign + input.len()];
        inbuf[misalign..].copy_from_slice(input);
        let before = inbuf.clone();
        let mut buf = vec![CANARY; GUARD + misalign + out_len + GUARD];
        let start = GUARD + misalign;
        let rc = unsafe {
            resize_image(
                inbuf.as_ptr().add(misalign),
                params_ptr,
                buf.as_mut_ptr().add(start),
            )
        };
        assert_eq!(inbuf, before, "modified the input");
        assert!(
            buf[..start].iter().all(|&b| b == CANARY),
            "wrote before the output"
        );
        assert!(
            buf[start + out_len..].iter().all(|&b| b == CANARY),
            "wrote past the output"
        );
        (rc, buf[start..start + out_len].to_vec())
    }

    /// The `process` input for an image: header then pixels.
    fn process_input(p: ResizeParams, pixels: &[u8]) -> Vec<u8> {
        let mut input = p.to_le_bytes().to_vec();
        input.extend_from_slice(pixels);
        input
    }

    #[derive(Debug)]
    struct Call {
        rc: i32,
        len: usize,
        out: Vec<u8>,
    }

    /// Calls `process` with `capacity` bytes of output at misalignment `misalign`, the length
    /// cell at `cell_misalign` and the input at `in_misalign`, and checks nothing outside the
    /// output, the cell, or the input changed.
    fn call_process(
        input: &[u8],
        capacity: usize,
        misalign: usize,
        cell_misalign: usize,
        in_misalign: usize,
    ) -> Call {
        let mut buf = vec![CANARY; GUARD + misalign + capacity + GUARD];
        let mut cell = vec![0x55_u8; cell_misalign + core::mem::size_of::<usize>() + 1];
        let mut inbuf = vec![0x77_u8; in_misalign + input.len()];
        inbuf[in_misalign..].copy_from_slice(input);
        let before = inbuf.clone();

        let start = GUARD + misalign;
        let cell_ptr = unsafe { cell.as_mut_ptr().add(cell_misalign) } as *mut usize;
        unsafe { ptr::write_unaligned(cell_ptr, capacity) };
        let rc = unsafe {
            process(
                inbuf.as_ptr().add(in_misalign),
                input.len(),
                buf.as_mut_ptr().add(start),
                cell_ptr,
            )
        };
        let len = unsafe { ptr::read_unaligned(cell_ptr) };
        assert_eq!(inbuf, before, "modified the input");
        assert!(
            buf[..start].iter().all(|&b| b == CANARY),
            "wrote before the output"
        );
        assert!(
            buf[start + capacity..].iter().all(|&b| b == CANARY),
            "wrote past the capacity"
        );
        assert!(
            cell[..cell_misalign].iter().all(|&b| b == 0x55),
            "wrote before the length cell"
        );
        assert_eq!(*cell.last().unwrap(), 0x55, "wrote past the length cell");
        Call {
            rc,
            len,
            out: buf[start..start + capacity].to_vec(),
        }
    }

    #[test]
    fn two_by_two_to_three_by_three() {
        // x_ratio = y_ratio = 2/3: coordinates 0, 1, 2 map to 0, 0 (0.67), 1 (1.33).
        let src = image(2, 2);
        let (rc, out) = call_resize(&src, params(2, 2, 3, 3), 27, 0, 0);
        assert_eq!(rc, OK);
        let expected: Vec<u8> = [0, 0, 1, 0, 0, 1, 2, 2, 3]
            .iter()
            .flat_map(|&i| px(i))
            .collect();
        assert_eq!(out, expected);
        assert_eq!(out, oracle(&src, params(2, 2, 3, 3)));
    }

    #[test]
    fn two_by_two_to_one_by_one_takes_the_top_left_pixel() {
        let src = image(2, 2);
        let (rc, out) = call_resize(&src, params(2, 2, 1, 1), 3, 0, 0);
        assert_eq!((rc, out), (OK, px(0).to_vec()));
    }

    #[test]
    fn downscale_and_non_integer_ratios() {
        // 4 -> 2: ratio 2, columns 0 and 2. 3 -> 2: ratio 1.5, columns 0 and 1.
        let (rc, out) = call_resize(&image(4, 1), params(4, 1, 2, 1), 6, 0, 0);
        assert_eq!((rc, out), (OK, [px(0), px(2)].concat()));
        let (rc, out) = call_resize(&image(3, 1), params(3, 1, 2, 1), 6, 0, 0);
        assert_eq!((rc, out), (OK, [px(0), px(1)].concat()));
        // The same along y: 1x4 -> 1x2.
        let (rc, out) = call_resize(&image(1, 4), params(1, 4, 1, 2), 6, 0, 0);
        assert_eq!((rc, out), (OK, [px(0), px(2)].concat()));
    }

    #[test]
    fn identity_copies_and_upscale_replicates() {
        let src = image(5, 4);
        let (rc, out) = call_resize(&src, params(5, 4, 5, 4), src.len(), 0, 0);
        assert_eq!((rc, &out), (OK, &src));

        let (rc, out) = call_resize(&image(1, 1), params(1, 1, 4, 3), 36, 0, 0);
        assert_eq!(rc, OK);
        assert_eq!(out, px(0).repeat(12));
    }

    #[test]
    fn guide_example_100_to_50() {
        let input = vec![255_u8; 100 * 100 * 3];
        let (rc, out) = call_resize(&input, params(100, 100, 50, 50), 50 * 50 * 3, 0, 0);
        assert_eq!(rc, OK);
        assert!(out.iter().all(|&b| b == 255));
    }

    #[test]
    fn source_coordinate_is_clamped_where_f32_reaches_the_edge() {
        // Upscale 1 -> 13_103_685: the last column's f32 product rounds up to 1.0.
        let ratio = scale_ratio(1, 13_103_685);
        assert_eq!((13_103_684_f32 * ratio) as u32, 1, "unclamped value");
        assert_eq!(source_coordinate(13_103_684, ratio, 1), 0);
        // Downscale 10_485_764 -> 10_485_762: the last column rounds up to src itself.
        let ratio = scale_ratio(10_485_764, 10_485_762);
        assert_eq!(((10_485_761_u32 as f32) * ratio) as u32, 10_485_764);
        assert_eq!(source_coordinate(10_485_761, ratio, 10_485_764), 10_485_763);
        // Everywhere else the clamp is a no-op.
        assert_eq!(source_coordinate(2, scale_ratio(2, 3), 2), 1);
        assert_eq!(source_coordinate(0, scale_ratio(7, 3), 7), 0);
    }

    #[test]
    fn sampling_is_f32_not_exact_or_f64() {
        // 62 -> 14 columns, column 7: exactly 7 * 62 / 14 = 31, and f64 agrees, but f32 rounds
        // the ratio down and the product lands on 30.99999 -> 30. Implementations that must
        // match byte for byte need the same f32 steps (Math.fround in JS).
        assert_eq!(source_coordinate(7, scale_ratio(62, 14), 62), 30);
        assert_eq!((7.0_f64 * (62.0 / 14.0)) as u32, 31);
        // 122 -> 14, column 7: exact and f32 give 61, f64 gives 60.
        assert_eq!(source_coordinate(7, scale_ratio(122, 14), 122), 61);
        assert_eq!((7.0_f64 * (122.0 / 14.0)) as u32, 60);
        // End to end through `resize_image`.
        let (rc, out) = call_resize(&image(62, 1), params(62, 1, 14, 1), 42, 0, 0);
        assert_eq!(rc, OK);
        assert_eq!(out[21..24], px(30));
    }

    #[test]
    fn clamped_resize_end_to_end() {
        // 9x1 -> 9_071_678x1 (27 MB): unclamped, the last column maps to x = 9 and would read
        // input[27..30], past the 27-byte input. (Rows use the same `source_coordinate`.)
        let ratio = scale_ratio(9, 9_071_678);
        assert_eq!((9_071_677_f32 * ratio) as u32, 9, "unclamped value");
        let p = params(9, 1, 9_071_678, 1);
        let plan = p.plan().unwrap();
        let src = image(9, 1);
        let mut out = vec![0_u8; plan.dst_len];
        assert_eq!(resize_rgb8(&src, &mut out, &plan), Ok(()));
        assert_eq!(out[out.len() - 3..], px(8));
        assert_eq!(out[..3], px(0));
    }

    #[test]
    fn invalid_params_are_rejected_without_writing() {
        let src = image(2, 2);
        let mut out = [CANARY; 16];
        let rc = unsafe { resize_image(src.as_ptr(), ptr::null(), out.as_mut_ptr()) };
        assert_eq!((rc, out), (INVALID_INPUT, [CANARY; 16]));

        for p in [
            params(0, 2, 2, 2),
            params(2, 0, 2, 2),
            params(2, 2, 0, 2),
            params(2, 2, 2, 0),
            params(0, 0, 0, 0),
            params(65_536, 65_536, 1, 1),   // w * h overflows
            params(37_838, 37_838, 1, 1),   // w * h fits, * 3 overflows
            params(1_431_655_766, 1, 1, 1), // one byte over u32::MAX
            params(1, 1, 1_431_655_766, 1), // the same for the output
            params(1, 1, 1, u32::MAX),      // output overflows along y
            params(u32::MAX, u32::MAX, 1, 1),
        ] {
            assert_eq!(p.plan(), None, "{:?}", p);
            // The pointers are deliberately far too small: validation must fail first.
            let rc = unsafe { resize_image(src.as_ptr(), &p, out.as_mut_ptr()) };
            assert_eq!((rc, out), (INVALID_INPUT, [CANARY; 16]), "{:?}", p);
        }
    }

    #[test]
    fn largest_valid_sizes_are_accepted_by_validation() {
        // 1_431_655_765 * 3 == u32::MAX exactly: valid (the host must supply 4 GiB - 1).
        let plan = params(1_431_655_765, 1, 1, 1_431_655_765).plan().unwrap();
        assert_eq!(plan.src_len, u32::MAX as usize);
        assert_eq!(plan.dst_len, u32::MAX as usize);
        assert_eq!(image_bytes(37_837, 37_837), Some(37_837 * 37_837 * 3));
    }

    #[test]
    fn invalid_buffers_are_rejected_without_writing() {
        let src = image(2, 2);
        let p = params(2, 2, 1, 1);
        let mut out = [CANARY; 3];
        let rc = unsafe { resize_image(ptr::null(), &p, out.as_mut_ptr()) };
        assert_eq!((rc, out), (INVALID_INPUT, [CANARY; 3]));
        let rc = unsafe { resize_image(src.as_ptr(), &p, ptr::null_mut()) };
        assert_eq!(rc, INVALID_INPUT);
        let rc = unsafe { resize_image(usize::MAX as *const u8, &p, out.as_mut_ptr()) };
        assert_eq!((rc, out), (INVALID_INPUT, [CANARY; 3]));

        // Overlapping input and output (the ABI forbids it; we refuse instead of aliasing).
        let mut shared = image(2, 2);
        let before = shared.clone();
        let base = shared.as_mut_ptr();
        let rc = unsafe { resize_image(base, &p, base.add(9)) };
        assert_eq!((rc, &shared), (INVALID_INPUT, &before));
        // Adjacent is not overlapping.
        let mut adjacent = image(2, 2);
        adjacent.extend_from_slice(&[CANARY; 3]);
        let base = adjacent.as_mut_ptr();
        let rc = unsafe { resize_image(base, &p, base.add(12)) };
        assert_eq!(rc, OK);
        assert_eq!(adjacent[12..], px(0));
    }

    #[test]
    fn every_misalignment_of_params_input_and_output() {
        let src = image(3, 2);
        let p = params(3, 2, 4, 5);
        let expected = oracle(&src, p);
        for misalign in 0..8 {
            for params_misalign in 0..8 {
                let (rc, out) = call_resize(&src, p, expected.len(), misalign, params_misalign);
                assert_eq!((rc, &out), (OK, &expected));
            }
        }
    }

    #[test]
    fn from_le_slice_reads_the_header_little_endian() {
        let bytes = [1, 0, 0, 0, 2, 1, 0, 0, 3, 0, 1, 0, 4, 0, 0, 1];
        assert_eq!(
            ResizeParams::from_le_slice(&bytes),
            Some(params(1, 0x102, 0x1_0003, 0x100_0004))
        );
        assert_eq!(ResizeParams::from_le_slice(&bytes[..15]), None);
        assert_eq!(ResizeParams::from_le_slice(&[0; 17]), None);
        let p = params(7, 8, 9, u32::MAX);
        assert_eq!(ResizeParams::from_le_slice(&p.to_le_bytes()), Some(p));
    }

    #[test]
    fn process_resizes_header_and_pixels() {
        let p = params(2, 2, 3, 3);
        let src = image(2, 2);
        let expected = oracle(&src, p);
        let call = call_process(&process_input(p, &src), 27, 0, 0, 0);
        assert_eq!((call.rc, call.len, &call.out), (OK, 27, &expected));

        // Spare capacity: only the needed bytes are written, and reported.
        let call = call_process(&process_input(p, &src), 40, 0, 0, 0);
        assert_eq!((call.rc, call.len), (OK, 27));
        assert_eq!(call.out[..27], expected[..]);
        assert!(call.out[27..].iter().all(|&b| b == CANARY));

        let call = call_process(&process_input(params(2, 2, 1, 1), &src), 3, 0, 0, 0);
        assert_eq!((call.rc, call.len, call.out), (OK, 3, px(0).to_vec()));
    }

    #[test]
    fn process_too_small_reports_needed_size_and_writes_nothing() {
        let input = process_input(params(2, 2, 3, 3), &image(2, 2));
        for capacity in [0, 1, 3, 26] {
            let call = call_process(&input, capacity, 0, 0, 0);
            assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, 27));
            assert!(call.out.iter().all(|&b| b == CANARY));
        }
        // With a dangling output pointer and capacity 0.
        let mut len = 0_usize;
        let rc = unsafe {
            process(
                input.as_ptr(),
                input.len(),
                NonNull::dangling().as_ptr(),
                &mut len,
            )
        };
        assert_eq!((rc, len), (OUTPUT_TOO_SMALL, 27));
    }

    #[test]
    fn process_rejects_malformed_input_before_checking_capacity() {
        let p = params(2, 2, 3, 3);
        let src = image(2, 2);
        let good = process_input(p, &src);
        let mut long = good.clone();
        long.push(0);
        let cases: Vec<Vec<u8>> = vec![
            vec![],
            good[..15].to_vec(),             // truncated header
            good[..16].to_vec(),             // header only
            good[..good.len() - 1].to_vec(), // one pixel byte short
            long,                            // one byte extra
            process_input(params(0, 2, 3, 3), &[]),
            process_input(params(2, 2, 0, 3), &src),
            process_input(params(65_536, 65_536, 1, 1), &src),
            process_input(params(1, 1, 1_431_655_766, 1), &[1, 2, 3]),
        ];
        for input in cases {
            for capacity in [0, 27, 64] {
                let call = call_process(&input, capacity, 0, 0, 0);
                assert_eq!(
                    (call.rc, call.len),
                    (INVALID_INPUT, capacity),
                    "{:?}",
                    input
                );
                assert!(call.out.iter().all(|&b| b == CANARY));
            }
        }
    }

    #[test]
    fn process_pointer_errors() {
        let input = process_input(params(2, 2, 1, 1), &image(2, 2));
        let mut out = [CANARY; 3];
        let rc = unsafe {
            process(
                input.as_ptr(),
                input.len(),
                out.as_mut_ptr(),
                ptr::null_mut(),
            )
        };
        assert_eq!((rc, out), (INVALID_INPUT, [CANARY; 3]));

        let mut len = 3_usize;
        let rc = unsafe { process(ptr::null(), input.len(), out.as_mut_ptr(), &mut len) };
        assert_eq!((rc, len, out), (INVALID_INPUT, 3, [CANARY; 3]));
        let rc = unsafe { process(input.as_ptr(), input.len(), ptr::null_mut(), &mut len) };
        assert_eq!((rc, len), (INVALID_INPUT, 3));
        // Empty input with dangling pointers: invalid (no header), and nothing dereferenced.
        let rc = unsafe {
            process(
                NonNull::dangling().as_ptr(),
                0,
                NonNull::dangling().as_ptr(),
                &mut len,
            )
        };
        assert_eq!((rc, len), (INVALID_INPUT, 3));

        // Output overlapping the input.
        let mut shared = input.clone();
        shared.extend_from_slice(&[CANARY; 3]);
        let before = shared.clone();
        let base = shared.as_mut_ptr();
        let rc = unsafe { process(base, input.len(), base.add(input.len() - 1), &mut len) };
        assert_eq!((rc, len, &shared), (INVALID_INPUT, 3, &before));
    }

    #[test]
    fn process_every_misalignment() {
        let p = params(3, 2, 2, 3);
        let src = image(3, 2);
        let input = process_input(p, &src);
        let expected = oracle(&src, p);
        for misalign in 0..8 {
            for cell_misalign in 0..8 {
                let in_misalign = (misalign + cell_misalign) % 8;
                let call = call_process(&input, 18, misalign, cell_misalign, in_misalign);
                assert_eq!((call.rc, call.len, &call.out), (OK, 18, &expected));
                let call = call_process(&input, 17, misalign, cell_misalign, in_misalign);
                assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, 18));
                assert!(call.out.iter().all(|&b| b == CANARY));
            }
        }
    }

    /// xorshift64*: a tiny deterministic generator, so the fuzz test needs no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn fuzz_against_the_oracle() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2000 {
            let p = params(
                1 + rng.below(9) as u32,
                1 + rng.below(9) as u32,
                1 + rng.below(17) as u32,
                1 + rng.below(17) as u32,
            );
            let src: Vec<u8> = (0..p.src_width * p.src_height * 3)
                .map(|_| rng.next() as u8)
                .collect();
            let expected = oracle(&src, p);
            let misalign = rng.below(8) as usize;
            let (rc, out) = call_resize(&src, p, expected.len(), misalign, rng.below(8) as usize);
            assert_eq!((rc, &out), (OK, &expected), "{:?}", p);

            let needed = expected.len();
            let capacity = needed + rng.below(4) as usize - 2.min(needed);
            let call = call_process(
                &process_input(p, &src),
                capacity,
                misalign,
                rng.below(8) as usize,
                rng.below(8) as usize,
            );
            if capacity < needed {
                assert_eq!((call.rc, call.len), (OUTPUT_TOO_SMALL, needed));
                assert!(call.out.iter().all(|&b| b == CANARY));
            } else {
                assert_eq!((call.rc, call.len), (OK, needed));
                assert_eq!(call.out[..needed], expected[..]);
                assert!(call.out[needed..].iter().all(|&b| b == CANARY));
            }
        }
    }

    #[test]
    fn calls_are_deterministic() {
        let p = params(3, 3, 7, 5);
        let src = image(3, 3);
        let first = call_resize(&src, p, 105, 0, 0);
        for _ in 0..3 {
            assert_eq!(call_resize(&src, p, 105, 0, 0), first);
        }
    }

    #[test]
    fn info_and_version_agree() {
        let info = unsafe { std::ffi::CStr::from_ptr(plugin_info() as *const _) };
        assert_eq!(info.to_bytes_with_nul(), b"resize v1.0.0\0");
        assert_eq!(plugin_version(), 1 << 16);
        assert_eq!(plugin_version(), VERSION);
    }

    #[test]
    fn return_codes_match_the_abi() {
        assert_eq!(
            [OK, INVALID_INPUT, OUT_OF_MEMORY, OUTPUT_TOO_SMALL, INTERNAL],
            [0, -1, -2, -3, -99]
        );
    }
}
