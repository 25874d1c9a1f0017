import { describe, expect, it } from 'vitest';
import {
  assembleModule,
  customSectionContent,
  findSection,
  makeCustomSection,
  makeSection,
  readCodeEntries,
  SectionId,
  setSection,
  splitSections,
  type ModuleSection,
} from '../../../src/wasm/sections.js';
import { WasmDecodeError } from '../../../src/wasm/leb128.js';
import { wat, withCustomSection } from '../../helpers/wat.js';
import { referencePlugin } from './fixtures.js';

const ids = (sections: readonly ModuleSection[]) =>
  sections.map(({ id, name }) => (id === SectionId.custom ? name : id));

describe('splitSections', () => {
  it('lists sections with ids, payloads and where they were', () => {
    const bytes = referencePlugin('echo.wasm');
    const sections = splitSections(bytes);
    expect(ids(sections)).toEqual([1, 3, 4, 5, 6, 7, 10, 11]);
    const [type] = sections;
    expect(type?.origin).toEqual({ offset: 8, payloadOffset: 10, sizeLength: 1 });
    expect(bytes.subarray(10, 10 + (type?.payload.length ?? 0))).toEqual(type?.payload);
  });

  it('names custom sections and gives their content after the name', () => {
    const bytes = withCustomSection(wat('(module)'), 'zc.note', 3);
    const [custom] = splitSections(bytes);
    expect(custom?.name).toBe('zc.note');
    expect(customSectionContent(custom as ModuleSection)).toEqual(new Uint8Array(3));
    expect(customSectionContent(makeCustomSection('x', Uint8Array.of(9)))).toEqual(
      Uint8Array.of(9),
    );
  });

  it('refuses a bad header or a section running past the end, with the offset', () => {
    expect(() => splitSections(Uint8Array.of(0, 0x61, 0x73, 0x6d, 2, 0, 0, 0))).toThrow(
      /expected the header .* at byte offset 4/,
    );
    const truncated = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 0);
    expect(() => splitSections(truncated)).toThrow(WasmDecodeError);
    expect(() => splitSections(truncated)).toThrow(
      /expected 5 bytes but only 1 remain at byte offset 10/,
    );
  });
});

describe('assembleModule', () => {
  it('keeps a padded section size of a section it did not change', () => {
    // A type section with its size written as a 5-byte LEB.
    const padded = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x81, 0x80, 0x80, 0x80, 0, 0);
    const sections = splitSections(padded);
    expect(assembleModule(sections)).toEqual(padded);
    const rebuilt = sections.map(({ id, payload }) => makeSection(id, payload));
    expect(assembleModule(rebuilt)).toEqual(
      Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 1, 0),
    );
  });
});

describe('setSection', () => {
  const module = [
    makeCustomSection('dylink.0', new Uint8Array()),
    makeSection(SectionId.type, Uint8Array.of(0)),
    makeSection(SectionId.function, Uint8Array.of(0)),
    makeCustomSection('between', new Uint8Array()),
    makeSection(SectionId.code, Uint8Array.of(0)),
    makeCustomSection('name', new Uint8Array()),
  ];

  it('inserts right after the last section that must precede it', () => {
    expect(ids(setSection(module, makeSection(SectionId.global, Uint8Array.of(0))))).toEqual([
      'dylink.0',
      1,
      3,
      6,
      'between',
      10,
      'name',
    ]);
    expect(ids(setSection(module, makeSection(SectionId.data, Uint8Array.of(0))))).toEqual([
      'dylink.0',
      1,
      3,
      'between',
      10,
      11,
      'name',
    ]);
    expect(ids(setSection(module, makeSection(SectionId.dataCount, Uint8Array.of(0))))).toEqual([
      'dylink.0',
      1,
      3,
      12,
      'between',
      10,
      'name',
    ]);
  });

  it('puts a section with no predecessor before the first known section', () => {
    const withoutType = module.filter(({ id }) => id !== SectionId.type);
    expect(ids(setSection(withoutType, makeSection(SectionId.type, Uint8Array.of(0))))).toEqual([
      'dylink.0',
      1,
      3,
      'between',
      10,
      'name',
    ]);
  });

  it('replaces a section in place and finds it again', () => {
    const replacement = makeSection(SectionId.function, Uint8Array.of(1, 0));
    const replaced = setSection(module, replacement);
    expect(ids(replaced)).toEqual(ids(module));
    expect(findSection(replaced, SectionId.function)).toBe(replacement);
    expect(() => setSection(module, makeCustomSection('x', new Uint8Array()))).toThrow(
      /no canonical place/,
    );
  });
});

describe('readCodeEntries', () => {
  it('finds each body with and without its size field', () => {
    const bytes = wat('(module (func) (func (drop (i32.const 1))))');
    const code = findSection(splitSections(bytes), SectionId.code);
    const start = code?.origin?.payloadOffset ?? 0;
    const entries = readCodeEntries(bytes, start, start + (code?.payload.length ?? 0));
    expect(entries.map(({ start: body, end }) => bytes.subarray(body, end))).toEqual([
      Uint8Array.of(0x00, 0x0b),
      Uint8Array.of(0x00, 0x41, 0x01, 0x1a, 0x0b),
    ]);
    expect(entries.map(({ entryStart, start: body }) => body - entryStart)).toEqual([1, 1]);
  });
});
