/**
 * `length` bytes of `period` repeated (the last copy cut short): one copy, then the filled part
 * doubled, so a megabyte takes twenty native copies rather than a million JS stores.
 */
export function repeatBytes(period: Uint8Array, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  if (period.length === 0) return bytes;
  bytes.set(period.subarray(0, Math.min(period.length, length)));
  for (let filled = period.length; filled < length; filled *= 2) {
    bytes.copyWithin(filled, 0, Math.min(filled, length - filled));
  }
  return bytes;
}
