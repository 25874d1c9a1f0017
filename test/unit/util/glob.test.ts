import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandGlob, globMatch, hasGlobMagic } from '../../../src/util/glob.js';

describe('globMatch', () => {
  it.each([
    ['*.wasm', 'a.wasm', true],
    ['*.wasm', 'dir/a.wasm', false],
    ['dist/*.wasm', 'dist/a.wasm', true],
    ['dist/?.wasm', 'dist/a.wasm', true],
    ['dist/?.wasm', 'dist/ab.wasm', false],
    ['dist/**/*.wasm', 'dist/a.wasm', true],
    ['dist/**/*.wasm', 'dist/x/y/a.wasm', true],
    ['**/*.wasm', 'a/b/c.wasm', true],
    ['*.wasm', '.hidden.wasm', false],
    ['.*.wasm', '.hidden.wasm', true],
    ['**/*.wasm', '.git/a.wasm', false],
    ['a+b(1).wasm', 'a+b(1).wasm', true],
  ])('%s against %s: %s', (pattern, path, matches) => {
    expect(globMatch(pattern, path)).toBe(matches);
  });

  it('knows which arguments are globs', () => {
    expect(hasGlobMagic('dist/*.wasm')).toBe(true);
    expect(hasGlobMagic('dist/a?.wasm')).toBe(true);
    expect(hasGlobMagic('dist/a.wasm')).toBe(false);
  });
});

describe('expandGlob', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zenith-glob-'));
    for (const path of [
      'b.wasm',
      'a.wasm',
      'notes.txt',
      'sub/c.wasm',
      'sub/deep/d.wasm',
      '.hidden/e.wasm',
    ]) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '');
    }
    mkdirSync(join(dir, 'dir.wasm'));
    symlinkSync(join(dir, 'sub'), join(dir, 'link'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('expands * to the files of one directory, sorted, not directories', () => {
    expect(expandGlob(join(dir, '*.wasm'))).toEqual([join(dir, 'a.wasm'), join(dir, 'b.wasm')]);
  });

  it('expands ** through subdirectories, skipping dot-directories and links', () => {
    expect(expandGlob(join(dir, '**', '*.wasm'))).toEqual(
      ['a.wasm', 'b.wasm', 'sub/c.wasm', 'sub/deep/d.wasm'].map((path) => join(dir, path)),
    );
  });

  it('matches ? and wildcards in directory segments, following a link named there', () => {
    expect(expandGlob(join(dir, 's?b', '*.wasm'))).toEqual([join(dir, 'sub', 'c.wasm')]);
    expect(expandGlob(join(dir, 'l*', 'c.wasm'))).toEqual([join(dir, 'link', 'c.wasm')]);
  });

  it('returns nothing when nothing matches', () => {
    expect(expandGlob(join(dir, '*.zip'))).toEqual([]);
    expect(expandGlob(join(dir, 'missing', '*.wasm'))).toEqual([]);
  });
});
