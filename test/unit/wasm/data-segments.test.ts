import { describe, expect, it } from 'vitest';
import { readDataSegments } from '../../../src/wasm/data-segments.js';
import { wat } from '../../helpers/wat.js';
import { assembleModule, makeSection, SectionId } from '../../../src/wasm/sections.js';
import { referencePlugin } from './fixtures.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readDataSegments', () => {
  it('reads active, passive and computed-offset segments', () => {
    const bytes = wat(`(module
      (import "env" "base" (global $base i32))
      (memory 1)
      (data (i32.const 16) "abc")
      (data "passive")
      (data (global.get $base) "computed")
      (data (i32.const -1) ""))`);
    const segments = readDataSegments(bytes);
    expect(
      segments.map(({ bytes: data, byteOffset: _at, ...rest }) => ({ ...rest, text: text(data) })),
    ).toEqual([
      {
        index: 0,
        mode: 'active',
        memory: 0,
        offset: 16,
        text: 'abc',
      },
      {
        index: 1,
        mode: 'passive',
        memory: undefined,
        offset: undefined,
        text: 'passive',
      },
      {
        index: 2,
        mode: 'active',
        memory: 0,
        offset: undefined,
        text: 'computed',
      },
      {
        index: 3,
        mode: 'active',
        memory: 0,
        offset: 0xffffffff,
        text: '',
      },
    ]);
    for (const segment of segments) {
      const at = segment.byteOffset;
      expect(bytes.subarray(at, at + segment.bytes.length)).toEqual(segment.bytes);
    }
  });

  it('reads the memory index of a segment for a second memory', () => {
    // Built by hand: wabt 1.0.39 writes flags 2 for this segment but leaves out the index.
    const segment = [0x02, 0x01, 0x41, 0x08, 0x0b, 0x06, ...new TextEncoder().encode('second')];
    const bytes = assembleModule([
      makeSection(SectionId.memory, Uint8Array.of(2, 0x00, 1, 0x00, 1)),
      makeSection(SectionId.data, Uint8Array.of(1, ...segment)),
    ]);
    expect(readDataSegments(bytes)).toMatchObject([{ memory: 1, offset: 8, mode: 'active' }]);
    expect(() =>
      readDataSegments(assembleModule([makeSection(SectionId.data, Uint8Array.of(1, 3))])),
    ).toThrow('expected data segment flags 0, 1 or 2 but found 3 at byte offset 11');
  });

  it('reads a module without data and a Rust plugin’s rodata', () => {
    expect(readDataSegments(wat('(module)'))).toEqual([]);
    const [rodata] = readDataSegments(referencePlugin('echo.wasm'));
    expect(rodata).toMatchObject({ memory: 0, offset: 1048576 });
    expect(text(rodata?.bytes ?? new Uint8Array())).toBe('echo v1.0.0\0');
  });
});
