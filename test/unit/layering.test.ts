// The folders under src/ are layers (ARCHITECTURE.md): each may import only the layers below
// it. This reads every import of src/ and suites/ as text and fails on an import that runs
// upward, sideways where not allowed, or round in a circle.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Who may import whom: a layer lists the layers it may use (its own is always allowed). */
const ALLOWED: Record<string, readonly string[]> = {
  'src/util': [],
  'src/wasm': ['src/util'],
  'src/spec-model': ['src/util'],
  'src/generators': ['src/util'],
  'src/corpus': ['src/util'],
  'src/contract': ['src/util', 'src/spec-model'],
  'src/host': ['src/util', 'src/wasm', 'src/spec-model'],
  'src/abi': ['src/util', 'src/wasm', 'src/spec-model', 'src/host'],
  'src/supervise': ['src/util', 'src/host'],
  'src/check': ['src/util', 'src/wasm', 'src/spec-model', 'src/host', 'src/abi', 'src/contract'],
  'src/property': [
    'src/util',
    'src/wasm',
    'src/spec-model',
    'src/host',
    'src/abi',
    'src/generators',
    'src/check',
  ],
  'src/bench': [
    'src/util',
    'src/wasm',
    'src/spec-model',
    'src/host',
    'src/abi',
    'src/generators',
    'src/supervise',
  ],
  'src/explore': [
    'src/util',
    'src/wasm',
    'src/spec-model',
    'src/generators',
    'src/host',
    'src/abi',
    'src/supervise',
  ],
  'src/runner': [
    'src/util',
    'src/wasm',
    'src/spec-model',
    'src/host',
    'src/abi',
    'src/supervise',
    'src/check',
    'src/property',
    'src/corpus',
    'src/contract',
    'src/explore',
  ],
  'src/report': ['src/util', 'src/spec-model'],
  // A static look at a module: its sections (wasm) and the run's own gate (check/gate-rule).
  'src/inspect': ['src/util', 'src/wasm', 'src/spec-model', 'src/check'],
  'src/cli': [
    'src/util',
    'src/spec-model',
    'src/property',
    'src/runner',
    'src/bench',
    'src/report',
    'src/contract',
    'src/inspect',
  ],
  'src/(entry points)': [
    'src/util',
    'src/spec-model',
    'src/runner',
    'src/bench',
    'src/report',
    'src/contract',
    'src/inspect',
  ],
  suites: [
    'src/util',
    'src/wasm',
    'src/spec-model',
    'src/host',
    'src/abi',
    'src/generators',
    'src/check',
    'src/property',
    'src/contract',
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

function layerOf(file: string): string {
  const path = relative(ROOT, file);
  if (path.startsWith('suites/')) return 'suites';
  const [top, second, third] = path.split('/');
  return third === undefined ? `${top}/(entry points)` : `${top}/${second}`;
}

/** Relative imports, dynamic imports and worker entries (`new URL('./x.js', import.meta.url)`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g),
    ...text.matchAll(/new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g),
  ].map((match) => match[1]!);
  return specifiers
    .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'))
    .filter((target) => /\.(ts|mjs)$/.test(target));
}

const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'suites'))];
const known = new Set(files);
const edges = files.flatMap((from) =>
  importsOf(from)
    .filter((to) => known.has(to))
    .map((to) => ({ from, to })),
);
const rel = (file: string): string => relative(ROOT, file);

function findCycle(
  nodes: readonly string[],
  next: (node: string) => string[],
): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const to of next(node)) {
      if (state.get(to) === 'open') return [...stack.slice(stack.indexOf(to)), to];
      if (!state.has(to)) {
        const cycle = visit(to);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of nodes) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the layering of src/ and suites/', () => {
  it('knows every layer that has files', () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].filter((layer) => !(layer in ALLOWED))).toEqual([]);
  });

  it('has no import that runs up or sideways', () => {
    const wrong = edges
      .filter(({ from, to }) => {
        const [a, b] = [layerOf(from), layerOf(to)];
        return a !== b && !ALLOWED[a]?.includes(b);
      })
      .map(({ from, to }) => `${rel(from)} -> ${rel(to)}`);
    expect(wrong).toEqual([]);
  });

  it('has no circle between files', () => {
    const cycle = findCycle(files, (file) =>
      edges.filter((edge) => edge.from === file).map((edge) => edge.to),
    );
    expect(cycle?.map(rel)).toBeUndefined();
  });

  it('has no circle between layers', () => {
    const layers = [...new Set(files.map(layerOf))];
    const cycle = findCycle(layers, (layer) => [
      ...new Set(
        edges
          .filter((edge) => layerOf(edge.from) === layer && layerOf(edge.to) !== layer)
          .map((edge) => layerOf(edge.to)),
      ),
    ]);
    expect(cycle).toBeUndefined();
  });

  it('keeps the two engines apart: bench imports nothing of property or runner', () => {
    const crossing = edges.filter(
      ({ from, to }) =>
        layerOf(from) === 'src/bench' && ['src/property', 'src/runner'].includes(layerOf(to)),
    );
    expect(crossing.map(({ from, to }) => `${rel(from)} -> ${rel(to)}`)).toEqual([]);
  });
});
