//asc: --runtime stub
// nn-upscale: the guide's nearest-neighbour resize of packed RGB8 pixels, tuned for upscaling
// thumbnails into model-sized frames. resize_image takes the guide's ResizeParams and writes the
// dst_width*dst_height*3 bytes the host sized; process takes a 16-byte little-endian
// ResizeParams header followed by exactly src_width*src_height*3 bytes and writes the same
// pixels (-3 with dst_width*dst_height*3). Zero dimensions, a pixel count past 32 bits and a
// length that does not match the header give -1. Sampling as the guide, in f32:
// src_x = min(trunc(f32(x) * (f32(src_w) / f32(dst_w))), src_w - 1), the same for y.
// Unusual but legal: the output is usually far larger than the input (a 19-byte 1x1 image to
// 2048x2048 gives 12 MiB), and an output row whose source row is the one before's is not
// sampled again but copied from the row just written (memory.copy inside the output buffer).
// No heap, no state, no imports.
const INFO = memory.data<u8>([0x6e, 0x6e, 0x2d, 0x75, 0x70, 0x73, 0x63, 0x61, 0x6c, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "nn-upscale v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function plugin_info(): usize { return INFO; }

export function plugin_version(): u32 { return 0x010000; }

// 3 * w * h, or -1 (as u64) when zero or past 32 bits.
function bytesOf(w: u32, h: u32): u64 {
  if (w == 0 || h == 0) return <u64>-1;
  const px = <u64>w * <u64>h;
  if (px > 0x55555555) return <u64>-1;
  return px * 3;
}

function resize(inp: usize, sw: u32, sh: u32, out: usize, dw: u32, dh: u32): void {
  const xr: f32 = <f32>sw / <f32>dw;
  const yr: f32 = <f32>sh / <f32>dh;
  const srow = <usize>sw * 3;
  const drow = <usize>dw * 3;
  let prevSy: u32 = 0xffffffff;
  for (let y: u32 = 0; y < dh; y++) {
    let sy = <u32>(<f32>y * yr);
    if (sy > sh - 1) sy = sh - 1;
    const orow = out + <usize>y * drow;
    if (sy == prevSy) {
      memory.copy(orow, orow - drow, drow);
      continue;
    }
    const irow = inp + <usize>sy * srow;
    for (let x: u32 = 0; x < dw; x++) {
      let sx = <u32>(<f32>x * xr);
      if (sx > sw - 1) sx = sw - 1;
      const s = irow + <usize>sx * 3;
      const d = orow + <usize>x * 3;
      store<u8>(d, load<u8>(s));
      store<u8>(d + 1, load<u8>(s + 1));
      store<u8>(d + 2, load<u8>(s + 2));
    }
    prevSy = sy;
  }
}

export function resize_image(inputPtr: usize, paramsPtr: usize, outputPtr: usize): i32 {
  const sw = load<u32>(paramsPtr), sh = load<u32>(paramsPtr, 4);
  const dw = load<u32>(paramsPtr, 8), dh = load<u32>(paramsPtr, 12);
  if (bytesOf(sw, sh) == <u64>-1 || bytesOf(dw, dh) == <u64>-1) return -1;
  resize(inputPtr, sw, sh, outputPtr, dw, dh);
  return 0;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  if (inputLen < 16) return -1;
  const sw = load<u32>(inputPtr), sh = load<u32>(inputPtr, 4);
  const dw = load<u32>(inputPtr, 8), dh = load<u32>(inputPtr, 12);
  const src = bytesOf(sw, sh), dst = bytesOf(dw, dh);
  if (src == <u64>-1 || dst == <u64>-1) return -1;
  if (<u64>(inputLen - 16) != src) return -1;
  if (dst > <u64>cap) {
    store<u32>(outputLenPtr, <u32>dst);
    return -3;
  }
  resize(inputPtr + 16, sw, sh, outputPtr, dw, dh);
  store<u32>(outputLenPtr, <u32>dst);
  return 0;
}
