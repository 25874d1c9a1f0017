// A rule's --time share, given straight to its context: with a share, the property keeps making
// cases past the configured count; without time left, it still makes the count. (The share
// here is the rule's own, so no start-up or load before the rule can spend it.)
import { describe, expect, it } from 'vitest';
import { PluginUnderTest } from '../../../src/check/plugin-under-test.js';
import { CallWatch, createWatchBuffer } from '../../../src/host/call-watch.js';
import { loadCheck } from '../../../src/runner/registry.js';
import { resolveLimits } from '../../../src/spec-model/limits.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { readModuleInfo } from '../../../src/wasm/module-info.js';
import { wat } from '../../helpers/wat.js';
import { COPY } from '../abi/plugins.js';
import { compileBody } from '../host/fixtures.js';

const spec = new SpecIndex(loadSpec());
const bytes = wat(`(module ${COPY})`);
const RUNS = 3;
const state = new PluginUnderTest(
  spec,
  bytes,
  { ok: true, plugin: compileBody(COPY), info: readModuleInfo(bytes) },
  {
    source: 'copy.wasm',
    seed: 7,
    limits: resolveLimits(spec, { maxInputBytes: 4096 }),
    replayArgs: '',
    property: { runs: RUNS, exports: ['process'] },
  },
  new CallWatch(createWatchBuffer(), new Map([['process', 0]])),
  new Map(),
);

async function casesWith(budgetMs: number | undefined): Promise<number> {
  const rule = spec.rule('ZC-CALL-006');
  const outcome = await (await loadCheck(rule.id))!.run(state.contextFor(rule, budgetMs));
  expect(outcome.status).toBe('pass');
  const census = 'census' in outcome ? (outcome.census ?? []) : [];
  return census.reduce((sum, tally) => sum + tally.cases, 0);
}

describe('a property rule with a --time share', () => {
  it('makes the configured count without one', async () => {
    expect(await casesWith(undefined)).toBe(RUNS);
  });

  it('keeps making cases past the count while its share lasts', async () => {
    expect(await casesWith(1000)).toBeGreaterThan(RUNS);
  });

  it('makes the configured count when its share is already spent', async () => {
    expect(await casesWith(0)).toBe(RUNS);
  });
});
