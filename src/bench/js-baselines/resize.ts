/**
 * The guide's nearest-neighbour resize of packed RGB8 in plain TypeScript, with the guide's
 * f32 arithmetic (Math.fround at each step) and the clamp to the source edge:
 * src_x = min(trunc(f32(x) * (f32(src_width) / f32(dst_width))), src_width - 1).
 */
export function resizeJs(
  src: Uint8Array,
  srcWidth: number,
  srcHeight: number,
  dst: Uint8Array,
  dstWidth: number,
  dstHeight: number,
): void {
  const xRatio = Math.fround(Math.fround(srcWidth) / Math.fround(dstWidth));
  const yRatio = Math.fround(Math.fround(srcHeight) / Math.fround(dstHeight));
  let out = 0;
  for (let y = 0; y < dstHeight; y++) {
    const srcY = Math.min(Math.trunc(Math.fround(Math.fround(y) * yRatio)), srcHeight - 1);
    const row = srcY * srcWidth;
    for (let x = 0; x < dstWidth; x++) {
      const srcX = Math.min(Math.trunc(Math.fround(Math.fround(x) * xRatio)), srcWidth - 1);
      const from = (row + srcX) * 3;
      dst[out] = src[from]!;
      dst[out + 1] = src[from + 1]!;
      dst[out + 2] = src[from + 2]!;
      out += 3;
    }
  }
}

/** ResizeParams as the spec lays it out: four little-endian u32 (src_w, src_h, dst_w, dst_h). */
function readParams(params: Uint8Array): [number, number, number, number] {
  const view = new DataView(params.buffer, params.byteOffset, 16);
  return [0, 4, 8, 12].map((offset) => view.getUint32(offset, true)) as [
    number,
    number,
    number,
    number,
  ];
}

/** `resize_image`: pixels in, params separate. Returns the bytes written. */
export function resizeImageJs(pixels: Uint8Array, params: Uint8Array, output: Uint8Array): number {
  const [sw, sh, dw, dh] = readParams(params);
  if (sw * sh * dw * dh === 0 || pixels.length !== sw * sh * 3) return -1;
  resizeJs(pixels, sw, sh, output, dw, dh);
  return dw * dh * 3;
}

/** `process`: the 16-byte header, then the pixels. Returns the bytes written. */
export function resizeProcessJs(input: Uint8Array, output: Uint8Array): number {
  if (input.length < 16) return -1;
  return resizeImageJs(input.subarray(16), input.subarray(0, 16), output);
}
