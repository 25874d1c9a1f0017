/** Bytes shown to a person: hex of the first few, and the text when they decode as UTF-8. */

const PREVIEW_BYTES = 48;

/** `80 00 ff …`: the first `count` bytes in hex, with an ellipsis when there are more. */
export function hexPreview(bytes: Uint8Array, count = PREVIEW_BYTES): string {
  const shown = Array.from(bytes.subarray(0, count), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join(' ');
  return bytes.length > count ? `${shown} …` : shown;
}

/** The bytes as text when they decode, with control characters escaped; else a note. */
export function utf8Preview(bytes: Uint8Array, count = 80): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const json = JSON.stringify(text.length > count ? `${text.slice(0, count)}…` : text);
    return `UTF-8 ${json}`;
  } catch {
    return 'not valid UTF-8';
  }
}

/** `2 bytes [80 00] (not valid UTF-8)`: length, hex and text in one phrase. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'empty (0 bytes)';
  return `${bytes.length} bytes [${hexPreview(bytes)}] (${utf8Preview(bytes)})`;
}

export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`;
