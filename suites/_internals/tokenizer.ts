import fc from 'fast-check';
import type { CheckContext } from '../../src/check/context.js';
import type { CallCase } from '../../src/abi/call-case.js';
import { textArbitrary } from '../../src/generators/input-bytes.js';
import { placementArbitrary } from '../../src/property/arbitraries/placement.js';

/** The guide's simple_hash: h = h * 31 + byte, wrapping u32, over the word's UTF-8 bytes. */
export function simpleHash(word: string): number {
  let hash = 0;
  for (const byte of new TextEncoder().encode(word)) hash = (Math.imul(hash, 31) + byte) >>> 0;
  return hash;
}

/** Words as Rust's split_whitespace finds them, with the spec's whitespace set. */
export function splitWords(text: string, whitespace: ReadonlySet<number>): string[] {
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    if (whitespace.has(char.codePointAt(0)!)) {
      if (current) words.push(current);
      current = '';
    } else current += char;
  }
  if (current) words.push(current);
  return words;
}

export function tokenizerWhitespace(ctx: CheckContext): ReadonlySet<number> {
  const profile = ctx.spec.profiles.find((entry) => entry.export === 'tokenize');
  if (!profile?.whitespace) throw new Error('the spec has no tokenizer whitespace');
  return new Set(profile.whitespace);
}

export function readIds(output: Uint8Array, count: number): number[] {
  const view = new DataView(output.buffer, output.byteOffset, output.byteLength);
  return Array.from({ length: Math.min(count, output.length >> 2) }, (_, i) =>
    view.getUint32(i * 4, true),
  );
}

/** A tokenize case: text whose words are separated by the given whitespace, ample room. */
export function textCase(whitespace: readonly number[]): fc.Arbitrary<CallCase> {
  return fc.record({
    input: textArbitrary(whitespace).map((text) => new TextEncoder().encode(text)),
    placement: placementArbitrary(['apart']),
    capacity: fc.constant({ kind: 'ample' as const }),
  });
}
