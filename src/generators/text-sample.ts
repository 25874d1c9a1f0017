import fc from 'fast-check';
import { textArbitrary } from './input-bytes.js';

const encoder = new TextEncoder();
const TEXT_BLOCK = 16 * 1024;

/**
 * Exactly `size` bytes of UTF-8 words and the profile's whitespace: a 16 KiB block sampled
 * from the property engine's text arbitrary with a fixed seed, repeated, and cut on a
 * character boundary (the cut is filled with `x`).
 */
export function textInput(size: number, seed: number, whitespace: readonly number[]): Uint8Array {
  const blockSize = Math.min(size, TEXT_BLOCK);
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < blockSize; round++) {
    for (const text of fc.sample(textArbitrary(whitespace), { seed: seed + round, numRuns: 64 })) {
      parts.push(text, '\n');
      length += encoder.encode(text).length + 1;
    }
  }
  const block = encoder.encode(parts.join('')).subarray(0, blockSize);
  const out = new Uint8Array(size);
  out.set(block);
  endOnCharBoundary(out, blockSize);
  for (let filled = blockSize; filled < size; filled *= 2)
    out.copyWithin(filled, 0, Math.min(filled, size - filled));
  endOnCharBoundary(out, size);
  return out;
}

/** Replaces a multi-byte character cut off at `end` with `x` bytes. */
function endOnCharBoundary(bytes: Uint8Array, end: number): void {
  let lead = end - 1;
  while (lead >= 0 && lead > end - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return;
  const first = bytes[lead]!;
  const width = first < 0x80 ? 1 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  if (lead + width > end) bytes.fill(0x78, lead, end);
}
