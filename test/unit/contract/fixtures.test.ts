import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../../src/contract/load-fixtures.js';
import { writeFixtureUpdates } from '../../../src/contract/update-fixtures.js';

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zc-fixtures-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

describe('loading golden fixtures', () => {
  it('reads pairs, JSON and YAML cases, sorted by name, recursively', () => {
    const dir = folder({
      'b.in': 'hello',
      'b.out': 'HELLO',
      'a.json': JSON.stringify({ input: { hex: '00ff' }, code: -1 }),
      'nested/c.yaml': '# a comment\ninput: "x"\noutput: { u32: [1, 258] }\nexport: tokenize\n',
      'README.md': 'ignored',
    });
    const fixtures = loadFixtures(dir);
    expect(fixtures.map((f) => f.name)).toEqual(['a', 'b', join('nested', 'c')]);
    expect(fixtures[0]).toMatchObject({ exportName: 'process', expected: { code: -1 } });
    expect([...fixtures[0]!.input]).toEqual([0, 255]);
    expect(text(fixtures[1]!.expected?.output)).toBe('HELLO');
    expect(fixtures[2]).toMatchObject({ exportName: 'tokenize', expected: { code: 0 } });
    expect([...fixtures[2]!.expected!.output!]).toEqual([1, 0, 0, 0, 2, 1, 0, 0]);
  });

  it('keeps a .in without its .out as a fixture with no expectation yet', () => {
    const [fixture] = loadFixtures(folder({ 'new.in': 'abc' }));
    expect(fixture?.expected).toBeUndefined();
  });

  it.each([
    [
      { 'x.json': '{ "input": "a", "outptu": "b" }' },
      /x\.json: unknown key outptu \(did you mean output\?\)/,
    ],
    [
      { 'x.json': '{ "input": { "hex": "abc" } }' },
      /x\.json: input: hex must be pairs of hex digits/,
    ],
    [{ 'x.json': '{ "input": "a", "code": 0 }' }, /code 0 needs an output/],
    [{ 'x.json': '{ "output": "a" }' }, /x\.json: no input/],
    [{ 'x.json': '{ not json' }, /x\.json: not valid JSON/],
    [{ 'x.out': 'a' }, /x\.out: no x\.in beside it/],
    [{ 'x.json': '{ "input": { "file": "missing.bin" } }' }, /file missing\.bin cannot be read/],
  ])('refuses a mistake with the file and what is wrong: %j', (files, message) => {
    expect(() => loadFixtures(folder(files))).toThrow(message);
  });

  it('refuses a path that is not a folder', () => {
    expect(() => loadFixtures('/nonexistent/fixtures')).toThrow(/not a folder/);
  });
});

describe('--update-fixtures', () => {
  it('writes .out files and expectations into case files, keeping their other keys and comments', () => {
    const dir = folder({
      'pair.in': 'abc',
      'case.json': JSON.stringify({ description: 'd', input: 'x', code: 0, output: 'old' }),
      'case2.yaml': '# keep me\ninput: "y"\n',
      'ids.json': JSON.stringify({ export: 'tokenize', input: 'hi' }),
    });
    const fixtures = loadFixtures(dir);
    const seen = (name: string, code: number, output: string, elementBytes = 1) => ({
      name,
      code,
      output: new TextEncoder().encode(output),
      elementBytes,
    });
    const { written, refused } = writeFixtureUpdates(fixtures, [
      seen('pair', 0, 'ABC'),
      seen('case', 0, 'X\u0001'),
      seen('case2', -1, ''),
      seen('ids', 0, '\u0001\u0000\u0000\u0000', 4),
    ]);
    expect(refused).toEqual([]);
    expect(written).toHaveLength(4);
    expect(readFileSync(join(dir, 'pair.out'), 'utf8')).toBe('ABC');
    expect(JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'))).toEqual({
      description: 'd',
      input: 'x',
      code: 0,
      output: { hex: '5801' },
    });
    const yaml = readFileSync(join(dir, 'case2.yaml'), 'utf8');
    expect(yaml).toContain('# keep me');
    expect(yaml).toContain('code: -1');
    const ids = JSON.parse(readFileSync(join(dir, 'ids.json'), 'utf8')) as { output: unknown };
    expect(ids.output).toEqual({ u32: [1] });
    // What was written reads back as the expectation.
    const again = loadFixtures(dir);
    expect(again.map((f) => [f.name, f.expected?.code])).toEqual([
      ['case', 0],
      ['case2', -1],
      ['ids', 0],
      ['pair', 0],
    ]);
  });

  it('refuses to write an error code into a .in/.out pair, saying what to write instead', () => {
    const dir = folder({ 'bad.in': '\u00ff' });
    const result = writeFixtureUpdates(loadFixtures(dir), [
      { name: 'bad', code: -1, output: new Uint8Array(0), elementBytes: 1 },
    ]);
    expect(result.written).toEqual([]);
    expect(result.refused[0]).toMatch(/returned -1; .*write bad\.json with "code"/);
  });
});
