import { isUtf8 } from 'node:buffer';

/**
 * The guide's tokenizer in plain TypeScript: words are runs of characters between Unicode
 * White_Space (the spec's list), a word's id is simple_hash over its UTF-8 bytes
 * (h = h * 31 + byte, wrapping u32). Works on the bytes, as a performance-minded JavaScript
 * author would, rather than decoding to a string and encoding each word back.
 */
export function createTokenizer(
  whitespace: readonly number[],
): (input: Uint8Array, ids: Uint32Array) => number {
  const spaces = new Set(whitespace);
  const asciiSpace = new Uint8Array(128);
  for (const code of whitespace) if (code < 128) asciiSpace[code] = 1;
  return (input, ids) => {
    if (!isUtf8(input)) return -1;
    let count = 0;
    let hash = 0;
    let inWord = false;
    const end = input.length;
    for (let i = 0; i < end;) {
      const lead = input[i]!;
      let width = 1;
      let space: boolean;
      if (lead < 0x80) {
        space = asciiSpace[lead] === 1;
      } else {
        // Valid UTF-8 (checked above): the lead byte gives the width.
        width = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        let code = lead & (0xff >> (width + 1));
        for (let k = 1; k < width; k++) code = (code << 6) | (input[i + k]! & 0x3f);
        space = spaces.has(code);
      }
      if (space) {
        if (inWord) ids[count++] = hash >>> 0;
        inWord = false;
        hash = 0;
      } else {
        inWord = true;
        for (let k = 0; k < width; k++) hash = (Math.imul(hash, 31) + input[i + k]!) | 0;
      }
      i += width;
    }
    if (inWord) ids[count++] = hash >>> 0;
    return count;
  };
}

/** The tokenizer behind `process`: the same ids as little-endian u32 bytes. */
export function createTokenizerProcess(
  whitespace: readonly number[],
): (input: Uint8Array, output: Uint8Array) => number {
  const tokenize = createTokenizer(whitespace);
  let scratch = new Uint32Array(1024);
  return (input, output) => {
    if (scratch.length < input.length) scratch = new Uint32Array(input.length);
    const count = tokenize(input, scratch);
    if (count < 0) return count;
    const view = new DataView(output.buffer, output.byteOffset, output.byteLength);
    for (let i = 0; i < count; i++) view.setUint32(i * 4, scratch[i]!, true);
    return count * 4;
  };
}
