import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../src/util/line-diff.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('lineDiff', () => {
  it('shows removed and added lines with a line of context, in order', () => {
    const diff = lineDiff(bytes('a\nb\nc\nd\ne\nf'), bytes('a\nb\nC\nd\ne\nf'));
    expect(diff).toBe(['  b', '- c', '+ C', '  d'].join('\n'));
  });

  it('marks skipped unchanged stretches', () => {
    const diff = lineDiff(bytes('x\n1\n2\n3\n4\ny'), bytes('X\n1\n2\n3\n4\nY'));
    expect(diff).toBe(['- x', '+ X', '  1', '  …', '  4', '- y', '+ Y'].join('\n'));
  });

  it('escapes control characters so a diff cannot drive the terminal', () => {
    expect(lineDiff(bytes('a'), bytes('\u001b[2J'))).toBe('- a\n+ \\u001b[2J');
  });

  it('says nothing for equal, binary or huge outputs (the byte window says more)', () => {
    expect(lineDiff(bytes('same'), bytes('same'))).toBeUndefined();
    expect(lineDiff(Uint8Array.of(0xff), bytes('a'))).toBeUndefined();
    expect(lineDiff(bytes('a\n'.repeat(1000)), bytes('b'))).toBeUndefined();
  });
});
