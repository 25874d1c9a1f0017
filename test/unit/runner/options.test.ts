// A JS caller of runConformance or runBench who passes a bad option gets a UsageError naming
// the option, before anything runs: never a TypeError or a fast-check error from deep inside.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../../src/bench/run-bench.js';
import { validateKnownFailures } from '../../../src/runner/expectations.js';
import { runConformance } from '../../../src/runner/run-conformance.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { UsageError } from '../../../src/util/errors.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ECHO = join(ROOT, 'reference-plugins/dist/echo.wasm');

async function usageError(run: () => Promise<unknown>): Promise<UsageError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError, but the call returned');
}

// Options are given as unknown: these are the mistakes a JS (not TypeScript) caller makes.
type Loose = Record<string, unknown>;

describe('runConformance refuses a bad option by name', () => {
  it.each<[string, Loose, RegExp]>([
    [
      'a string for a number',
      { runs: '100' },
      /^runs must be a positive integer .*, got "100" \(a string\)/,
    ],
    ['zero runs', { runs: 0 }, /^runs must be a positive integer/],
    [
      'a negative seed',
      { seed: -1 },
      /^seed must be an integer from 0 to 9007199254740991, got -1/,
    ],
    ['a seed above 2^53-1', { seed: 2 ** 53 }, /^seed must be an integer/],
    ['a fractional seed', { seed: 1.5 }, /^seed .*got 1\.5/],
    [
      'an unknown limit',
      { limits: { callTimeoutMS: 5 } },
      /^limits: unknown option callTimeoutMS \(did you mean callTimeoutMs\?\)/,
    ],
    [
      'a zero limit',
      { limits: { callTimeoutMs: 0 } },
      /^limits\.callTimeoutMs \(--timeout\) must be a positive integer, got 0/,
    ],
    [
      'a string limit',
      { limits: { maxMemoryBytes: '1' } },
      /^limits\.maxMemoryBytes \(--max-memory\) must be a positive integer, got "1"/,
    ],
    ['limits not an object', { limits: 5 }, /^limits must be an object, got 5/],
    ['an unknown option', { seeds: 5 }, /unknown option seeds \(did you mean seed\?\)/],
    ['a bad depth', { depth: 'deep' }, /^depth must be one of quick, thorough, got "deep"/],
    ['only not a list', { only: 'ZC-MOD-001' }, /^only must be a list of rule ids/],
    ['an empty only', { only: [] }, /^only must name at least one rule id/],
    ['an unknown rule', { only: ['ZC-NOPE-999'] }, /^only ZC-NOPE-999: unknown rule/],
    ['an unknown export', { exports: ['alloc'] }, /^exports alloc: not an export the spec fuzzes/],
    [
      'a path that is not a path',
      { path: 'abc', only: ['ZC-CALL-002'] },
      /^path must be a fast-check path/,
    ],
    [
      'a path without one property rule',
      { path: '1:2' },
      /^path replays a case of one property rule: only must name exactly one/,
    ],
    [
      'known failures not a list',
      { knownFailures: {} },
      /^knownFailures: the list must be an array/,
    ],
    [
      'a known failure without a reason',
      { knownFailures: [{ rule: 'ZC-MOD-001' }] },
      /^knownFailures: \[0\]: a reason is required/,
    ],
    [
      'a callback that is not a function',
      { onRuleResult: true },
      /^onRuleResult must be a function/,
    ],
  ])('%s', async (_what, options, message) => {
    const error = await usageError(() => runConformance(ECHO, options));
    expect(error.message).toMatch(message);
  });

  it('refuses plugins that are not paths or bytes, and an empty list', async () => {
    expect((await usageError(() => runConformance(5 as never))).message).toMatch(
      /^plugins must be/,
    );
    expect((await usageError(() => runConformance([]))).message).toMatch(/^plugins is empty/);
  });
});

describe('runBench refuses a bad option by name', () => {
  it.each<[string, Loose, RegExp]>([
    [
      'a string for a number',
      { timeMs: '5' },
      /^timeMs must be a positive integer.*got "5" \(a string\)/,
    ],
    ['zero time', { timeMs: 0 }, /^timeMs must be a positive integer/],
    ['a negative warm-up', { warmupMs: -1 }, /^warmupMs must be a non-negative integer, got -1/],
    ['a negative seed', { seed: -1 }, /^seed must be an integer from 0/],
    [
      'a zero plugin timeout',
      { pluginTimeoutMs: 0 },
      /^pluginTimeoutMs must be a positive integer/,
    ],
    ['empty sizes', { sizes: [] }, /^sizes must be a non-empty list/],
    ['a zero size', { sizes: [64, 0] }, /^sizes entry must be a positive integer, got 0/],
    ['an unknown option', { timeMS: 5 }, /unknown option timeMS \(did you mean timeMs\?\)/],
    ['instructions not a boolean', { instructions: 'no' }, /^instructions must be true or false/],
    [
      'a negative regression percent',
      { failOnRegressionPercent: -1, baseline: 'x' },
      /^failOnRegressionPercent must be a non-negative number/,
    ],
    ['an empty export list', { exports: [] }, /^exports must name at least one export name/],
    [
      'an unknown export',
      { exports: ['alloc'] },
      /^exports alloc: not an export the bench can call/,
    ],
  ])('%s', async (_what, options, message) => {
    const error = await usageError(() => runBench([ECHO], options));
    expect(error.message).toMatch(message);
  });

  it('refuses paths that are not a list of paths', async () => {
    expect((await usageError(() => runBench(ECHO as never))).message).toMatch(/^paths must be/);
    expect((await usageError(() => runBench([]))).message).toMatch(/^paths must be/);
  });
});

describe('spec/expect.schema.json and the --expect check agree', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'spec/expect.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  const spec = new SpecIndex(loadSpec());
  const accepts = (data: unknown): boolean => {
    try {
      validateKnownFailures(data, spec, 'test');
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return false;
    }
  };

  it.each<[string, unknown, boolean]>([
    ['an empty list', { expectedFailures: [] }, true],
    ['an entry', { expectedFailures: [{ rule: 'ZC-CALL-010', reason: 'issue #12' }] }, true],
    [
      'an entry for one plugin',
      { expectedFailures: [{ rule: 'ZC-CALL-010', reason: 'r', plugin: 'echo' }] },
      true,
    ],
    [
      'a $schema key',
      { $schema: './node_modules/zenith-conform/spec/expect.schema.json', expectedFailures: [] },
      true,
    ],
    ['null', null, false],
    ['an array', [], false],
    ['{}', {}, false],
    ['a string list', { expectedFailures: 'ZC-CALL-010' }, false],
    ['a null entry', { expectedFailures: [null] }, false],
    ['no reason', { expectedFailures: [{ rule: 'ZC-CALL-010' }] }, false],
    ['an empty reason', { expectedFailures: [{ rule: 'ZC-CALL-010', reason: '' }] }, false],
    ['a blank reason', { expectedFailures: [{ rule: 'ZC-CALL-010', reason: '  ' }] }, false],
    ['no rule', { expectedFailures: [{ reason: 'r' }] }, false],
    ['a rule that is not an id', { expectedFailures: [{ rule: 'call-010', reason: 'r' }] }, false],
    [
      'an unknown field',
      { expectedFailures: [{ rule: 'ZC-CALL-010', reason: 'r', rules: 'x' }] },
      false,
    ],
    ['an unknown top-level field', { expectedFailures: [], extra: 1 }, false],
    [
      'a plugin that is not a string',
      { expectedFailures: [{ rule: 'ZC-CALL-010', reason: 'r', plugin: 5 }] },
      false,
    ],
  ])('%s', (_what, data, valid) => {
    expect(validate(data), JSON.stringify(validate.errors)).toBe(valid);
    expect(accepts(data)).toBe(valid);
  });

  it('the example expect file is valid', () => {
    const example = JSON.parse(
      readFileSync(join(ROOT, 'examples/github-actions/zenith-conform.expect.json'), 'utf8'),
    ) as unknown;
    expect(validate(example)).toBe(true);
    expect(accepts(example)).toBe(true);
  });

  it('a rule id the schema allows but the spec lacks is refused by the check only', () => {
    const data = { expectedFailures: [{ rule: 'ZC-NOPE-001', reason: 'r' }] };
    expect(validate(data)).toBe(true);
    expect(accepts(data)).toBe(false);
  });
});
