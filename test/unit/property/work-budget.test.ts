import { describe, expect, it } from 'vitest';
import { PluginUnderTest } from '../../../src/check/plugin-under-test.js';
import { CallWatch, createWatchBuffer } from '../../../src/host/call-watch.js';
import { callCaseArbitrary } from '../../../src/property/arbitraries/call-case.js';
import { OK, WORK_PER_CASE, checkCallProperty } from '../../../src/property/call-property.js';
import { resolveLimits } from '../../../src/spec-model/limits.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { readModuleInfo } from '../../../src/wasm/module-info.js';
import { wat } from '../../helpers/wat.js';
import { COPY } from '../abi/plugins.js';
import { compileBody } from '../host/fixtures.js';

// The copy plugin and `spin(n)`, a loop of n iterations: a case's cost is what its check spins.
const BODY = `${COPY}
  (func (export "spin") (param $n i32) (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again))))`;
const spec = new SpecIndex(loadSpec());
const RUNS = 12;

function contextFor(countWork: boolean) {
  const bytes = wat(`(module ${BODY})`);
  const state = new PluginUnderTest(
    spec,
    bytes,
    {
      ok: true,
      plugin: compileBody(BODY, undefined, {}, { countWork }),
      info: readModuleInfo(bytes),
    },
    {
      source: 'spin.wasm',
      seed: 7,
      limits: resolveLimits(spec, { maxInputBytes: 4096 }),
      replayArgs: '',
      property: { runs: RUNS, exports: ['process'] },
    },
    new CallWatch(createWatchBuffer(), new Map([['process', 0]])),
    new Map(),
  );
  return state.contextFor(spec.rule('ZC-CALL-004'));
}

/** A property whose every case spins `perCase` iterations, counting the cases it ran. */
function spinning(countWork: boolean, perCase: number) {
  let ran = 0;
  const outcome = checkCallProperty(contextFor(countWork), {
    arbitrary: (shape, env) => callCaseArbitrary(shape, env, ['apart']),
    check: (session) => {
      ran++;
      // In eight calls, as a series would: the budget counts every call.
      for (let call = 0; call < 8; call++) session.current().call('spin', [perCase / 8]);
      return OK;
    },
    describe: () => 'a spin',
  });
  return { outcome, ran };
}

describe('the work budget', () => {
  it('stops making cases once the calls spent it, after the first ten, and says so', () => {
    // Four cases' worth a case: the budget (RUNS cases' worth) is spent after three, but the
    // first ten generated cases always run.
    const { outcome, ran } = spinning(true, 4 * WORK_PER_CASE);
    expect(ran).toBe(10);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toContain('`process`: 10 cases (2 cases not run: its calls spent');
    expect(outcome.message).toContain('work budget of 201.3 million');
  });

  it('leaves a plugin within the budget, or one whose work is not counted, alone', () => {
    const cheap = spinning(true, WORK_PER_CASE / 2);
    expect(cheap.ran).toBe(RUNS);
    expect(cheap.outcome.message).toBe(`\`process\`: ${RUNS} cases`);
    const uncounted = spinning(false, 4 * WORK_PER_CASE);
    expect(uncounted.ran).toBe(RUNS);
  });
});
