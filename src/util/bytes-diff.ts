import { hexPreview } from './bytes-text.js';

const BEFORE = 8;
const AFTER = 16;

/** The index of the first byte where two byte strings differ, or -1 when they are equal. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  // A native compare first: callers compare up to megabytes (guarded inputs, allocator blocks,
  // host pages) that almost always match, and a byte loop in JS is what would cost.
  if (a.length === b.length && Buffer.compare(a, b) === 0) return -1;
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : common;
}

/** Bytes around an offset as hex and (printable ASCII) text: `…41 42 [43] 44 "AB[C]D"`. */
function windowAt(bytes: Uint8Array, at: number): string {
  const start = Math.max(0, at - BEFORE);
  const end = Math.min(bytes.length, at + AFTER);
  if (start >= end) return '(nothing there)';
  const hex = Array.from(bytes.subarray(start, end), (byte, i) => {
    const text = byte.toString(16).padStart(2, '0');
    return start + i === at ? `[${text}]` : text;
  }).join(' ');
  const text = Array.from(bytes.subarray(start, end), (byte) =>
    byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
  ).join('');
  return `${start > 0 ? '… ' : ''}${hex}${end < bytes.length ? ' …' : ''} "${text}"`;
}

/**
 * Where two outputs part, for a failure an author can act on: the first differing offset, the
 * lengths, and a hex and text window of both sides around it.
 */
export function describeDifference(
  expected: Uint8Array,
  found: Uint8Array,
  names: { expected: string; found: string } = { expected: 'expected', found: 'found' },
): string {
  const at = firstDifference(expected, found);
  if (at === -1) return `the same ${expected.length} bytes`;
  const lengths =
    expected.length === found.length
      ? `${expected.length} bytes each`
      : `${expected.length} bytes ${names.expected}, ${found.length} ${names.found}`;
  return `first difference at byte ${at} (${lengths}): ${names.expected} ${windowAt(expected, at)}; ${names.found} ${windowAt(found, at)}`;
}

/** `5 bytes [68 65 6c 6c 6f]`: a short summary of an output. */
export const summarizeBytes = (bytes: Uint8Array): string =>
  bytes.length === 0 ? 'no bytes' : `${bytes.length} bytes [${hexPreview(bytes, 16)}]`;
