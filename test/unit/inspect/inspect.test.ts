// `inspectPlugin` on the reference plugins and on WAT fixtures: exports and imports mapped to
// the spec, plugin_info read from the data, strings, custom sections and producers, and the
// rules the gate would skip.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPlugin } from '../../../src/inspect/inspect-plugin.js';
import type { InspectReport } from '../../../src/inspect/inspect-types.js';
import { renderInspect } from '../../../src/inspect/render-inspect.js';
import { readProducers } from '../../../src/wasm/producers.js';
import { HOSTILE, RAW_CONTROL } from '../../helpers/hostile-text.js';
import { wat } from '../../helpers/wat.js';

const dist = (name: string): string =>
  join(import.meta.dirname, '../../../reference-plugins/dist', name);

async function inspect(plugin: string | Uint8Array): Promise<InspectReport> {
  const result = await inspectPlugin(plugin);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
};
const name = (text: string): number[] => {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
};

/** A producers custom section, encoded as tool-conventions' ProducersSection.md says. */
function producersSection(fields: Record<string, Array<[string, string]>>): number[] {
  const content = [
    ...uleb(Object.keys(fields).length),
    ...Object.entries(fields).flatMap(([field, values]) => [
      ...name(field),
      ...uleb(values.length),
      ...values.flatMap(([tool, version]) => [...name(tool), ...name(version)]),
    ]),
  ];
  const payload = [...name('producers'), ...content];
  return [0, ...uleb(payload.length), ...payload];
}

const withSections = (module: Uint8Array, ...sections: number[][]): Uint8Array =>
  new Uint8Array([...module, ...sections.flat()]);

const FIXTURE = wat(`(module
  (import "env" "memcpy" (func (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32) (result i32)))
  (memory (export "memory") 2 4)
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "helper"))
  (data (i32.const 16) "wat-fixture v0.2.0\\00")
  (data (i32.const 64) "${'0123456789'.repeat(15)}"))`);

describe('inspectPlugin on a reference plugin', () => {
  it('maps the exports to the spec and reads plugin_info from the data', async () => {
    const report = await inspect(dist('echo.wasm'));
    const process = report.exports.find((entry) => entry.name === 'process')!;
    expect(process.signature).toBe('(i32, i32, i32, i32) -> i32');
    expect(process.spec).toMatchObject({ profile: 'core', required: true, matches: true });
    expect(process.spec!.params).toEqual([
      { name: 'input_ptr', role: 'input-ptr' },
      { name: 'input_len', role: 'input-len' },
      { name: 'output_ptr', role: 'output-ptr' },
      { name: 'output_len', role: 'output-len-cell' },
    ]);
    expect(report.exports.find((entry) => entry.name === '__heap_base')?.spec).toBeUndefined();
    expect(report.pluginInfo).toEqual({
      found: true,
      text: 'echo v1.0.0',
      address: 0x100000,
      how: 'scanned',
    });
    expect(report.memory).toEqual([
      {
        initialPages: 17,
        maximumPages: undefined,
        shared: false,
        memory64: false,
        imported: false,
        exportedAs: 'memory',
      },
    ]);
    expect(report.missingExports.map((entry) => entry.name)).toContain('alloc');
    expect(report.compiles).toBe(true);
  });

  it('names the rules whose exports are missing, with the gate reason', async () => {
    const { rules } = await inspect(dist('echo.wasm'));
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    expect(byId.get('ZC-TOK-001')).toEqual({
      id: 'ZC-TOK-001',
      level: 'must',
      status: 'not-applicable',
      reason: '`tokenize` not exported',
    });
    expect(byId.get('ZC-LIFE-002')?.status).toBe('not-applicable');
    expect(byId.get('ZC-CALL-002')?.status).toBe('applies');
    expect(byId.get('ZC-MOD-001')?.status).toBe('applies');
    // A tokenizer has its tokenize rules.
    const tokenizer = await inspect(dist('tokenizer.wasm'));
    expect(tokenizer.rules.find((rule) => rule.id === 'ZC-TOK-001')?.status).toBe('applies');
  });

  it('reads the terminator-less string a C compiler leaves at the end of a segment', async () => {
    const report = await inspect(dist('c-hex.wasm'));
    expect(report.pluginInfo).toMatchObject({ found: true, text: 'c-hex v1.0.0', how: 'constant' });
  });
});

describe('inspectPlugin on a WAT fixture', () => {
  const bytes = withSections(
    FIXTURE,
    producersSection({ language: [['Rust', '']], 'processed-by': [['rustc', '1.63.0']] }),
  );

  it('flags a wrong signature and blocks the rules that need the export', async () => {
    const report = await inspect(bytes);
    const process = report.exports.find((entry) => entry.name === 'process')!;
    expect(process.spec).toMatchObject({ matches: false, expected: '(i32, i32, i32, i32) -> i32' });
    const call = report.rules.find((rule) => rule.id === 'ZC-CALL-002')!;
    expect(call).toMatchObject({ status: 'blocked' });
    expect(call.reason).toMatch(/`process` does not have the spec's signature \(ZC-EXP-002\)/);
  });

  it('says which imports the host offers, and with which signature', async () => {
    const { imports } = await inspect(bytes);
    expect(imports).toEqual([
      {
        module: 'env',
        name: 'memcpy',
        kind: 'function',
        signature: '(i32, i32, i32) -> i32',
        offered: false,
      },
      expect.objectContaining({
        module: 'wasi_snapshot_preview1',
        name: 'fd_write',
        offered: true,
        matches: false,
        expected: '(i32, i32, i32, i32) -> i32',
      }),
    ]);
  });

  it('reads plugin_info, memory limits, custom sections and the producers', async () => {
    const report = await inspect(bytes);
    expect(report.pluginInfo).toEqual({
      found: true,
      text: 'wat-fixture v0.2.0',
      address: 16,
      how: 'constant',
    });
    expect(report.memory[0]).toMatchObject({ initialPages: 2, maximumPages: 4 });
    expect(report.customSections).toEqual([{ name: 'producers', bytes: expect.any(Number) }]);
    expect(report.producers).toEqual({
      language: [{ name: 'Rust', version: '' }],
      'processed-by': [{ name: 'rustc', version: '1.63.0' }],
    });
    expect(readProducers(FIXTURE)).toBeUndefined();
  });

  it('bounds the data strings it shows', async () => {
    const many = wat(`(module (memory 1)
      ${Array.from({ length: 50 }, (_, i) => `(data (i32.const ${i * 16}) "string-${i}")`).join('\n')})`);
    const { strings } = await inspect(many);
    expect(strings.total).toBe(50);
    expect(strings.shown).toHaveLength(40);
    expect(strings.shown[1]).toEqual({ address: 16, text: 'string-1' });
    const long = (await inspect(bytes)).strings.shown.find((entry) => entry.address === 64)!;
    expect(long.text).toHaveLength(120);
    expect(long.cut).toBe(true);
  });

  it('says when plugin_info computes its pointer', async () => {
    const computed = wat(`(module (memory (export "memory") 1)
      (global $base (mut i32) (i32.const 8))
      (func (export "plugin_info") (result i32) (global.get $base))
      (data (i32.const 8) "hidden v1.0.0\\00"))`);
    const { pluginInfo } = await inspect(computed);
    expect(pluginInfo.found).toBe(false);
    expect(pluginInfo.found ? '' : pluginInfo.reason).toMatch(/computes its pointer/);
  });
});

describe('inspectPlugin on what is not a module', () => {
  it('returns a coded result, never throws', async () => {
    expect(await inspectPlugin(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      ok: false,
      source: '<bytes>',
      code: 'ZC_NOT_WASM',
      message: '<bytes>: a JPEG image',
    });
    expect(await inspectPlugin('no/such.wasm')).toMatchObject({ ok: false, code: 'ZC_NOT_FOUND' });
  });

  it('refuses a call with neither a path nor bytes with a UsageError', async () => {
    await expect(inspectPlugin(42 as unknown as string)).rejects.toMatchObject({
      name: 'UsageError',
      code: 'ZC_BAD_OPTION',
      message: 'inspectPlugin needs a path or a Uint8Array of a module, got 42',
    });
  });
});

describe('the inspect text', () => {
  it('shows plugin-controlled names and strings escaped', async () => {
    // Every byte as a WAT string escape, so the text holds the hostile bytes exactly.
    const watString = (text: string): string =>
      [...new TextEncoder().encode(text)]
        .map((byte) => `\\${byte.toString(16).padStart(2, '0')}`)
        .join('');
    const hostile = wat(`(module (memory (export "memory") 1)
      (func (export "${watString(HOSTILE)}"))
      (data (i32.const 0) "${watString(HOSTILE)}"))`);
    const text = renderInspect(await inspect(hostile));
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('\\x1b[2J');
  });
});
