// When the engine rejects a module, featuresUsed and engineSupports tell "newer than this
// engine" (cannot check) from "broken" (ZC-MOD-001). Each proposal is shown by the smallest
// module that uses it.
import { describe, expect, it } from 'vitest';
import {
  engineSupports,
  featuresUsed,
  unsupportedFeatures,
  type WasmFeature,
} from '../../../src/wasm/features.js';
import { wat } from '../../helpers/wat.js';

const section = (id: number, payload: number[]): number[] => [id, payload.length, ...payload];
const moduleOf = (...sections: number[][]): Uint8Array =>
  new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...sections.flat()]);
const withBody = (body: number[]): Uint8Array =>
  moduleOf(
    section(1, [1, 0x60, 0, 0]),
    section(3, [1, 0]),
    section(10, [1, body.length + 1, 0, ...body]),
  );

const MODULES: ReadonlyArray<[WasmFeature, Uint8Array]> = [
  ['multi-memory', moduleOf(section(5, [2, 0, 1, 0, 1]))],
  ['memory64', moduleOf(section(5, [1, 4, 1]))],
  ['extended-const', moduleOf(section(6, [1, 0x7f, 0, 0x41, 1, 0x41, 2, 0x6a, 0x0b]))],
  ['gc', moduleOf(section(1, [1, 0x5f, 1, 0x7f, 0]))],
  ['function-references', moduleOf(section(1, [1, 0x60, 1, 0x64, 0x70, 0]))],
  ['exception-handling', moduleOf(section(1, [1, 0x60, 0, 0]), section(13, [1, 0, 0]))],
  ['tail-call', withBody([0x12, 0, 0x0b])],
  ['threads', moduleOf(section(5, [1, 3, 1, 1]))],
];

describe('featuresUsed', () => {
  it.each(MODULES)('finds %s', (feature, bytes) => {
    expect([...featuresUsed(bytes)]).toContain(feature);
  });

  it('finds nothing in an MVP module, and never throws on garbage', () => {
    const mvp = wat(`(module (memory 1) (func (export "f") (result i32) (i32.const 1)))`);
    expect([...featuresUsed(mvp)]).toEqual([]);
    expect([...featuresUsed(new Uint8Array([1, 2, 3]))]).toEqual([]);
    expect([...featuresUsed(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 9, 9]))]).toEqual(
      [],
    );
  });

  it('finds SIMD in code, and a second memory named by a memarg', () => {
    const simd = wat(`(module (func (drop (v128.const i32x4 0 0 0 0))))`, { simd: true });
    expect([...featuresUsed(simd)]).toContain('simd');
  });
});

describe('engineSupports', () => {
  it('agrees with the engine on every probe module', () => {
    for (const [feature, bytes] of MODULES) {
      expect(engineSupports(feature), feature).toBe(
        WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>),
      );
    }
  });

  it('says which features of a rejected module this engine lacks', () => {
    for (const [feature, bytes] of MODULES) {
      if (WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)) continue;
      expect(unsupportedFeatures(bytes), feature).toContain(feature);
    }
  });
});
