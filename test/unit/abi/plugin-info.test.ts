import { describe, expect, it } from 'vitest';
import { readPluginInfo } from '../../../src/abi/plugin-info.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { load } from '../host/fixtures.js';

const spec = new SpecIndex(loadSpec());
const EXPECTED = 'a pointer into memory to NUL-terminated UTF-8 of at most 256 bytes';

/** A plugin whose plugin_info returns `pointer`, with `data` placed at `at`. */
const info = (pointer: number, data: string, at = 16) =>
  load(`(memory (export "memory") 1)
    (data (i32.const ${at}) "${data}")
    (func (export "plugin_info") (result i32) (i32.const ${pointer}))`);

describe('readPluginInfo', () => {
  it('reads the NUL-terminated string at the pointer', () => {
    expect(readPluginInfo(info(16, 'wat-echo v1.2.3\\00'), spec)).toEqual({
      ok: true,
      text: 'wat-echo v1.2.3',
      address: 16,
      bytes: 16,
    });
  });

  it('decodes UTF-8', () => {
    const read = readPluginInfo(info(16, 'caf\\c3\\a9 v1.0.0\\00'), spec);
    expect(read).toMatchObject({ ok: true, text: 'café v1.0.0', bytes: 13 });
  });

  it.each([
    { length: 255, ok: true }, // 255 bytes and the NUL: 256, the bound
    { length: 256, ok: false },
  ])('a string of $length bytes: ok $ok', ({ length, ok }) => {
    const read = readPluginInfo(info(16, `${'a'.repeat(length)}\\00`), spec);
    expect(read.ok).toBe(ok);
    if (!read.ok) {
      expect(read).toEqual({
        ok: false,
        expected: EXPECTED,
        found: 'no NUL within 256 bytes of 16',
        where: 'plugin_info() -> 0x10',
      });
    }
  });

  it.each([
    {
      name: 'no NUL within the bound',
      plugin: () => info(16, 'x'.repeat(300)),
      found: 'no NUL within 256 bytes of 16',
      where: 'plugin_info() -> 0x10',
    },
    {
      name: 'a pointer past the end of memory',
      plugin: () => info(65536, ''),
      found: 'pointer 65536 is outside memory (65536 bytes)',
      where: 'plugin_info() -> 0x10000',
    },
    {
      name: 'a negative pointer',
      plugin: () => info(-1, ''),
      found: 'pointer 4294967295 is outside memory (65536 bytes)',
      where: 'plugin_info() -> 0xffffffff',
    },
    {
      name: 'a string running into the end of memory',
      plugin: () => info(65530, 'abcdef', 65530),
      found: 'no NUL between 65530 and the end of memory (65536)',
      where: 'plugin_info() -> 0xfffa',
    },
    {
      name: 'bytes that are not UTF-8',
      plugin: () => info(16, 'v\\ff\\fe\\00'),
      found: 'the bytes are not UTF-8: 76 ff fe',
      where: 'plugin_info() -> 0x10',
    },
  ])('$name: a clear problem', ({ plugin, found, where }) => {
    expect(readPluginInfo(plugin(), spec)).toEqual({ ok: false, expected: EXPECTED, found, where });
  });

  it.each([
    {
      name: 'traps',
      body: '(func (export "plugin_info") (result i32) unreachable)',
      outcome: { kind: 'trapped', message: 'trap: unreachable', stderr: '' },
    },
    {
      name: 'returns nothing',
      body: '(func (export "plugin_info"))',
      outcome: { kind: 'returned', value: undefined },
    },
    {
      name: 'is not exported',
      body: '',
      outcome: { kind: 'blocked', reason: '`plugin_info` is not exported' },
    },
  ])('a plugin_info that $name: the outcome, no address', ({ body, outcome }) => {
    const plugin = load(`(memory (export "memory") 1) ${body}`);
    expect(readPluginInfo(plugin, spec)).toEqual({
      ok: false,
      expected: EXPECTED,
      found: '',
      where: 'plugin_info()',
      outcome,
    });
  });
});
