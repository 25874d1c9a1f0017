const encoder = new TextEncoder();

const LOREM = encoder.encode('lorem ipsum dolor sit amet, consectetur adipiscing elit. ');

/** Bytes from a seed: a 4 KiB random (or text-like) block, repeated to the size. */
export function expandBytes(size: number, seed: number, text: boolean): Uint8Array {
  const out = new Uint8Array(size);
  const block = Math.min(size, 4096);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < block; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = text ? (LOREM[(i + (state & 7)) % LOREM.length] as number) : state & 0xff;
  }
  for (let filled = block; filled < size; filled *= 2)
    out.copyWithin(filled, 0, Math.min(filled, size - filled));
  return out;
}
