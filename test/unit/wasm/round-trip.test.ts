// Decoding then encoding must be the identity on real compiler output: the rewriters rely on it
// to leave every function they do not touch exactly as the compiler wrote it.

import { describe, expect, it } from 'vitest';
import {
  decodeFunctionBody,
  encodeFunctionBody,
  encodeInstructions,
  type FunctionBody,
  type Instruction,
} from '../../../src/wasm/instructions.js';
import {
  assembleModule,
  readCodeEntries,
  SectionId,
  splitSections,
} from '../../../src/wasm/sections.js';
import {
  featureModule,
  memory64Module,
  multiMemoryModule,
  relaxedSimdModule,
} from './feature-modules.js';
import { brokenWatModules, compiledModules, referencePlugin, type Fixture } from './fixtures.js';

function bodiesOf(bytes: Uint8Array): Array<{ start: number; end: number; body: Instruction[] }> {
  const code = splitSections(bytes).find(({ id }) => id === SectionId.code);
  if (!code?.origin) return [];
  const start = code.origin.payloadOffset;
  return readCodeEntries(bytes, start, start + code.payload.length).map((entry) => ({
    ...entry,
    body: [...decodeFunctionBody(bytes, entry.start, entry.end).instructions],
  }));
}

/** Where two byte arrays first differ (or the shorter one's length), undefined when equal. */
function firstDifference(actual: Uint8Array, expected: Uint8Array): number | undefined {
  const index = expected.findIndex((byte, at) => actual[at] !== byte);
  if (index >= 0) return index;
  return actual.length === expected.length ? undefined : expected.length;
}

// toEqual on 50 KB arrays is slow and prints poorly; compare bytes and report the first offset.
function expectRoundTrip(bytes: Uint8Array): void {
  const sections = splitSections(bytes);
  expect(firstDifference(assembleModule(sections), bytes)).toBeUndefined();
  const code = sections.find(({ id }) => id === SectionId.code);
  if (!code?.origin) return;
  const start = code.origin.payloadOffset;
  for (const entry of readCodeEntries(bytes, start, start + code.payload.length)) {
    const encoded = encodeFunctionBody(decodeFunctionBody(bytes, entry.start, entry.end));
    const differsAt = firstDifference(encoded, bytes.subarray(entry.start, entry.end));
    expect(differsAt === undefined ? undefined : entry.start + differsAt).toBeUndefined();
  }
}

/** The body as new objects: nothing remembers original bytes, so every immediate is re-encoded. */
function freshCopy(body: FunctionBody): FunctionBody {
  return {
    locals: body.locals.map((group) => ({ ...group })),
    instructions: body.instructions.map(({ range: _range, ...rest }) => ({ ...rest })),
  };
}

const meaning = (body: FunctionBody): string =>
  JSON.stringify(
    [body.locals, body.instructions.map(({ range: _range, ...rest }) => rest)],
    (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value),
  );

/** Encodes every body afresh; returns the offsets of bodies whose bytes changed. */
function expectFreshEncodingsToMeanTheSame(bytes: Uint8Array): number[] {
  const changed: number[] = [];
  for (const { start, end } of bodiesOf(bytes)) {
    const body = decodeFunctionBody(bytes, start, end);
    const encoded = encodeFunctionBody(freshCopy(body));
    expect(meaning(decodeFunctionBody(encoded))).toBe(meaning(body));
    if (firstDifference(encoded, bytes.subarray(start, end)) !== undefined) changed.push(start);
  }
  return changed;
}

describe('round trip on compiler output', () => {
  const cases = (fixtures: readonly Fixture[]) => fixtures.map((f) => [f.name, f.bytes] as const);

  it.each(cases(compiledModules))('%s is byte-identical', (_name, bytes) => {
    expectRoundTrip(bytes);
  });

  it.each(cases(brokenWatModules))('%s is byte-identical', (_name, bytes) => {
    expectRoundTrip(bytes);
  });

  // The Rust std builds in broken/dist share most of their code; one of them (the one with
  // the most distinct opcodes) keeps this check fast without losing coverage.
  const reencoded = compiledModules.filter(
    ({ name }) => name.startsWith('dist/') || name === 'broken/dist/random-per-call.wasm',
  );
  it.each(cases(reencoded))(
    '%s means the same when every instruction is re-encoded',
    (_name, bytes) => {
      expectFreshEncodingsToMeanTheSame(bytes);
    },
  );

  // wabt writes minimal LEBs, so here fresh encodings must match the original bytes exactly.
  it.each(cases(brokenWatModules))(
    '%s re-encodes from scratch to the same bytes',
    (_name, bytes) => {
      expect(expectFreshEncodingsToMeanTheSame(bytes)).toEqual([]);
    },
  );

  it('keeps the padded LEBs wasm-ld left in text-normalize.wasm (relocation-sized fields)', () => {
    const padded = bodiesOf(referencePlugin('text-normalize.wasm'))
      .flatMap(({ body }) => body)
      .filter(({ range, ...fresh }) => {
        const minimal = encodeInstructions([fresh]).length;
        return range !== undefined && range.end - range.start > minimal;
      });
    expect(padded.length).toBeGreaterThan(100);
    const names = new Set(padded.map(({ name }) => name));
    for (const name of ['call', 'i32.const', 'global.get', 'global.set', 'i32.load', 'i32.store']) {
      expect(names).toContain(name);
    }
  });
});

describe('round trip on every instruction family', () => {
  it.each([
    ['SIMD, bulk memory, reference types, atomics, tail calls, EH, multi-value', featureModule],
    ['multi-memory', multiMemoryModule],
    ['memory64', memory64Module],
    ['relaxed SIMD', relaxedSimdModule],
  ])('%s, also when every instruction is re-encoded from scratch', (_name, build) => {
    const bytes = build();
    expectRoundTrip(bytes);
    expect(expectFreshEncodingsToMeanTheSame(bytes)).toEqual([]);
  });

  const names = new Set(bodiesOf(featureModule()).flatMap(({ body }) => body.map((i) => i.name)));

  it.each([
    'v128.const',
    'i8x16.shuffle',
    'v128.load8_lane',
    'v128.store32_lane',
    'f32x4.replace_lane',
    'i32x4.trunc_sat_f64x2_u_zero',
    'memory.init',
    'data.drop',
    'memory.copy',
    'memory.fill',
    'table.init',
    'elem.drop',
    'table.copy',
    'table.grow',
    'table.size',
    'table.fill',
    'table.get',
    'table.set',
    'ref.null',
    'ref.is_null',
    'ref.func',
    'i32.trunc_sat_f32_s',
    'i64.trunc_sat_f64_u',
    'i32.extend8_s',
    'i64.extend32_s',
    'i32.atomic.rmw.cmpxchg',
    'i64.atomic.store32',
    'memory.atomic.notify',
    'memory.atomic.wait32',
    'atomic.fence',
    'i32.atomic.rmw8.xchg_u',
    'return_call',
    'return_call_indirect',
    'try',
    'catch',
    'catch_all',
    'throw',
    'rethrow',
    'delegate',
    'br_table',
    'call_indirect',
  ])('the feature module uses %s', (name) => {
    expect(names).toContain(name);
  });
});
