import { describe, expect, it } from 'vitest';
import type { CallShape } from '../../../src/abi/call-shape.js';
import {
  ampleCapacity,
  describeCapacity,
  needsProbe,
  resolveCapacity,
  type CapacityChoice,
} from '../../../src/abi/capacity.js';

const bytesShape: CallShape = {
  exportName: 'process',
  roles: ['input-ptr', 'input-len', 'output-ptr', 'output-len-cell'],
  sizing: 'capacity-cell',
  elementBytes: 1,
};
const idsShape: CallShape = { ...bytesShape, exportName: 'tokenize', elementBytes: 4 };

describe('resolveCapacity', () => {
  it.each<{ choice: CapacityChoice; needed: number | undefined; expected: number }>([
    { choice: { kind: 'zero' }, needed: 10, expected: 0 },
    { choice: { kind: 'zero' }, needed: undefined, expected: 0 },
    { choice: { kind: 'ample' }, needed: 10, expected: 500 },
    { choice: { kind: 'ample' }, needed: undefined, expected: 500 },
    { choice: { kind: 'exact' }, needed: 10, expected: 10 },
    { choice: { kind: 'exact' }, needed: 0, expected: 0 },
    { choice: { kind: 'above', extra: 3 }, needed: 10, expected: 13 },
    { choice: { kind: 'below', fraction: 0.5 }, needed: 10, expected: 5 },
    { choice: { kind: 'below', fraction: 0.99 }, needed: 10, expected: 9 },
    { choice: { kind: 'below', fraction: 0.5 }, needed: 1, expected: 0 },
    // Without a learned needed size, a relative choice falls back to ample room.
    { choice: { kind: 'exact' }, needed: undefined, expected: 500 },
    { choice: { kind: 'above', extra: 3 }, needed: undefined, expected: 500 },
    { choice: { kind: 'below', fraction: 0.5 }, needed: undefined, expected: 500 },
  ])('$choice with needed $needed -> $expected', ({ choice, needed, expected }) => {
    expect(resolveCapacity(choice, needed, 500)).toBe(expected);
  });
});

describe('needsProbe', () => {
  it.each<{ choice: CapacityChoice; expected: boolean }>([
    { choice: { kind: 'ample' }, expected: false },
    { choice: { kind: 'zero' }, expected: false },
    { choice: { kind: 'exact' }, expected: true },
    { choice: { kind: 'below', fraction: 0.5 }, expected: true },
    { choice: { kind: 'above', extra: 1 }, expected: true },
  ])('$choice.kind -> $expected', ({ choice, expected }) => {
    expect(needsProbe(choice)).toBe(expected);
  });
});

describe('ampleCapacity', () => {
  it.each([
    { shape: bytesShape, inputLength: 0, expected: 256 },
    { shape: bytesShape, inputLength: 100, expected: 456 },
    { shape: idsShape, inputLength: 0, expected: 16 },
    { shape: idsShape, inputLength: 100, expected: 116 },
  ])(
    '$shape.exportName with $inputLength input bytes -> $expected elements',
    ({ shape, inputLength, expected }) => {
      expect(ampleCapacity(shape, inputLength)).toBe(expected);
    },
  );
});

describe('describeCapacity', () => {
  it.each<{ choice: CapacityChoice; text: string }>([
    { choice: { kind: 'ample' }, text: 'ample' },
    { choice: { kind: 'zero' }, text: '0' },
    { choice: { kind: 'exact' }, text: 'exactly the needed size' },
    { choice: { kind: 'above', extra: 7 }, text: 'the needed size + 7' },
    { choice: { kind: 'below', fraction: 0.25 }, text: 'below the needed size (25% of it)' },
    { choice: { kind: 'below', fraction: 0.333 }, text: 'below the needed size (33% of it)' },
  ])('$choice -> $text', ({ choice, text }) => {
    expect(describeCapacity(choice)).toBe(text);
  });
});
