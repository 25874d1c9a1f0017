// Edge inputs with a delimiter placeholder run once for each delimiter the module uses.
import { describe, expect, it } from 'vitest';
import { moduleDelimiters, withModuleDelimiters } from '../../../src/property/module-delimiters.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (value: Uint8Array): string => Buffer.from(value).toString('latin1');

describe('module delimiters', () => {
  it('are the printable punctuation among the single-byte tokens, at most three, in order', () => {
    const tokens = ['\t', '*', 'a', 'repeat', '#', '\x05', '*', ':', ';'].map(bytes);
    expect(moduleDelimiters(tokens).map((b) => String.fromCharCode(b))).toEqual(['*', '#', ':']);
  });

  it('fall back to a space for a module without any', () => {
    expect(moduleDelimiters([bytes('abc'), bytes('\n')])).toEqual([0x20]);
  });

  it("put each in the spec's counted edge inputs, where the placeholder was", () => {
    const edges = new SpecIndex(loadSpec()).edgeInputs();
    const counted = edges.filter((edge) => edge.delimiterAt !== undefined);
    expect(counted.length).toBeGreaterThan(0);
    const expanded = withModuleDelimiters(counted, [bytes('*'), bytes('|')]).map((e) =>
      text(e.bytes),
    );
    expect(expanded).toContain('858993460*abcde');
    expect(expanded).toContain('858993460|abcde');
    expect(expanded).toContain('429496730*0123456789');
    // Edge inputs without a placeholder pass through unchanged.
    const plain = edges.filter((edge) => edge.delimiterAt === undefined);
    expect(withModuleDelimiters(plain, [bytes('*')])).toEqual(plain);
  });
});
