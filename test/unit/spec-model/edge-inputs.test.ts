// The spec's edge inputs are built from a unit and a length (repeatTo), by doubling copies: the
// bytes must be exactly the unit repeated, the last copy cut short, numbered lines counting up.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const edges = new SpecIndex(loadSpec()).edgeInputs();
const named = (fragment: string) => edges.find((edge) => edge.name.includes(fragment))!;
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('edge inputs', () => {
  it('repeats a multi-byte unit to the byte, the last copy cut short', () => {
    const page = named('one byte longer than a page').bytes;
    const unit = 'the quick brown fox jumps over the lazy dog\n';
    expect(page.length).toBe(65537);
    const whole = unit.repeat(Math.ceil(65537 / unit.length)).slice(0, 65537);
    expect(text(page)).toBe(whole);
  });

  it.each([
    ['numbered lines to 1 MiB', 1048576],
    ['numbered lines to 64 KiB', 65536],
  ])('numbers each copy from 0, in decimal, cut at the length (%s)', (name, length) => {
    const lines = named(name).bytes;
    expect(lines.length).toBe(length);
    const expected = Array.from({ length: 170000 }, (_, i) => `${i}\n`)
      .join('')
      .slice(0, length);
    expect(text(lines)).toBe(expected);
  });

  it('puts the text after the repeated part', () => {
    const field = named('a field of 65536 bytes').bytes;
    expect(text(field)).toBe(`${'a'.repeat(65536)},b\n`);
  });
});
