/** Small byte helpers the input generators share. */

export const encoder = new TextEncoder();

export const EMPTY = new Uint8Array(0);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** At most `max` bytes: the bytes themselves when they fit, else their first `max`. */
export function fitBytes(bytes: Uint8Array, max: number): Uint8Array {
  return bytes.length <= max ? bytes : bytes.slice(0, Math.max(0, max));
}

/**
 * UTF-8 of `text` in at most `max` bytes, cut before a character that would not fit whole, so
 * that a text shape stays valid UTF-8 under a small --max-input-size.
 */
export function fitText(text: string, max: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= max) return bytes;
  let end = Math.max(0, max);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.slice(0, end);
}
