//! BROKEN FIXTURE `resize-rounds-coordinates`: source coordinates are rounded, not truncated.
//!
//! The resize reference plugin (reference-plugins/resize) with one call added to the
//! coordinate mapping:
//!
//! ```ignore
//! cmp::min((d as f32 * ratio).round() as u32, src_size - 1)   // the guide: no .round()
//! ```
//!
//! Rounding is a plausible reading of "nearest neighbour", and the clamp keeps every read
//! inside the source, so nothing traps and every byte is written; the image is just shifted
//! by up to half a source pixel (e.g. 3 -> 2 columns samples x = 0, 2 instead of 0, 1), so it
//! differs from what other plugins and hosts following the guide produce. Everything else is
//! the reference's.
//!
//! Must fail exactly: ZC-RSZ-003 (output matches the guide's nearest-neighbour formula).
//!
//! Exports: `resize_image`, `process`, `plugin_info`, `plugin_version` (and `memory`).

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

/// The source coordinate sampled for destination coordinate `d`:
/// `min((d as f32 * ratio).round() as u32, src_size - 1)`.
///
/// THE BUG: `.round()` where the guide truncates (`as u32` alone). "Nearest" neighbour sounds
/// like it should round, but the guide's formula (and every host that matches it) takes the
/// pixel whose span contains `d * ratio`. The clamp still keeps the read inside the source.
///
/// The clamp matters (the reference's note, and more so with rounding). Mathematically
/// `d * src / dst < src` for every `d < dst`, but in f32 the ratio, `d as f32` and the product
/// are each rounded, and the result can reach `src_size` itself: with `src = 1,
/// dst = 13_103_685` the last column maps to 1, and with `src = 10_485_764, dst = 10_485_762`
/// (a downscale) to 10_485_764. `as u32` saturates (and maps NaN to 0), so the cast cannot
/// fail.
pub fn source_coordinate(d: u32, ratio: f32, src_size: u32) -> u32 {
    cmp::min(
        (d as f32 * ratio).round() as u32,
        src_size.saturating_sub(1),
    )
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

/// Returns a pointer to the static, NUL-terminated string `"resize-rounds-coordinates v1.0.0"`.
#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Returns the numeric version `major << 16 | minor << 8 | patch` (1.0.0 is `0x01_00_00`).
#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    VERSION
}
