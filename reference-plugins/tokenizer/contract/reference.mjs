/* global TextDecoder, TextEncoder */
// The tokenizer's `process` as the spec's tokenizer profile defines it, for ZC-PROP-010: the
// words of UTF-8 text (split on Unicode White_Space, as Rust's split_whitespace), each as the
// guide's simple_hash (h = h * 31 + byte, wrapping u32), written as little-endian u32 bytes;
// -1 (InvalidInput) for bytes that are not UTF-8.
const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export default function tokenize(input) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { code: -1 };
  }
  const ids = [];
  let word = '';
  const flush = () => {
    if (word === '') return;
    let hash = 0;
    for (const byte of new TextEncoder().encode(word)) hash = (Math.imul(hash, 31) + byte) >>> 0;
    ids.push(hash);
    word = '';
  };
  for (const char of text) {
    if (WHITESPACE.has(char.codePointAt(0))) flush();
    else word += char;
  }
  flush();
  const out = new Uint8Array(ids.length * 4);
  const view = new DataView(out.buffer);
  ids.forEach((id, i) => view.setUint32(i * 4, id, true));
  return out;
}
