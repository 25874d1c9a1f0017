import type { DataSegment } from '../wasm/data-segments.js';
import type { DataString } from './inspect-types.js';

const MIN_LENGTH = 4;
const MAX_SHOWN = 40;
const MAX_CHARS = 120;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes a text run may hold: tab and printable ASCII, and any byte of a multi-byte character. */
const textByte = (byte: number): boolean => byte === 0x09 || (byte >= 0x20 && byte !== 0x7f);

/**
 * The printable strings of the data segments, as `strings` would find them (runs of at least
 * four characters that decode as UTF-8), bounded: the first 40, each cut at 120 characters,
 * with the total count.
 */
export function dataStrings(segments: readonly DataSegment[]): {
  shown: DataString[];
  total: number;
} {
  const shown: DataString[] = [];
  let total = 0;
  for (const segment of segments) {
    const { bytes } = segment;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && textByte(bytes[i]!)) continue;
      if (i - start >= MIN_LENGTH) {
        let text: string | undefined;
        try {
          text = utf8.decode(bytes.subarray(start, i));
        } catch {
          text = undefined;
        }
        if (text !== undefined && [...text].length >= MIN_LENGTH) {
          total++;
          if (shown.length < MAX_SHOWN) {
            const chars = [...text];
            shown.push({
              ...(segment.offset !== undefined ? { address: segment.offset + start } : {}),
              text: chars.slice(0, MAX_CHARS).join(''),
              ...(chars.length > MAX_CHARS ? { cut: true } : {}),
            });
          }
        }
      }
      start = i + 1;
    }
  }
  return { shown, total };
}
