import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import { PluginUnderTest } from '../../../src/check/plugin-under-test.js';
import { CallWatch, createWatchBuffer } from '../../../src/host/call-watch.js';
import { callCaseArbitrary } from '../../../src/property/arbitraries/call-case.js';
import {
  OK,
  caseEnvironment,
  checkCallProperty,
  observePropertyRuns,
} from '../../../src/property/call-property.js';
import { resolveLimits } from '../../../src/spec-model/limits.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { readModuleInfo } from '../../../src/wasm/module-info.js';
import { wat } from '../../helpers/wat.js';
import { COPY } from '../abi/plugins.js';
import { compileBody } from '../host/fixtures.js';

const spec = new SpecIndex(loadSpec());
const bytes = wat(`(module ${COPY})`);
const state = new PluginUnderTest(
  spec,
  bytes,
  { ok: true, plugin: compileBody(COPY), info: readModuleInfo(bytes) },
  {
    source: 'copy.wasm',
    seed: 7,
    limits: resolveLimits(spec, { maxInputBytes: 4096 }),
    replayArgs: '',
    property: { runs: 12, exports: ['process'] },
  },
  new CallWatch(createWatchBuffer(), new Map([['process', 0]])),
  new Map(),
);

describe('one environment and one arbitrary per run setting', () => {
  it('every rule of a plugin gets the same environment, and the same case arbitraries', () => {
    const a = caseEnvironment(state.contextFor(spec.rule('ZC-CALL-006')));
    const b = caseEnvironment(state.contextFor(spec.rule('ZC-CALL-007')));
    expect(b).toBe(a);
    const shape = callShapeOf(spec, 'process');
    expect(callCaseArbitrary(shape, a, ['apart'])).toBe(callCaseArbitrary(shape, b, ['apart']));
    expect(callCaseArbitrary(shape, a, ['apart', 'adjacent'])).not.toBe(
      callCaseArbitrary(shape, a, ['apart']),
    );
  });
});

describe('observePropertyRuns', () => {
  it("hands over each export's arbitrary and run count: the same cases, with the seed", () => {
    const ctx = state.contextFor(spec.rule('ZC-CALL-006'));
    const seen: Array<{ exportName: string; numRuns: number; arbitrary: fc.Arbitrary<unknown> }> =
      [];
    const inputs: Uint8Array[] = [];
    observePropertyRuns((shape, arbitrary, numRuns) => {
      seen.push({ exportName: shape.exportName, numRuns, arbitrary });
    });
    try {
      const outcome = checkCallProperty(ctx, {
        arbitrary: (shape, env) => callCaseArbitrary(shape, env, ['apart']),
        check: (_session, _shape, testCase) => {
          inputs.push(testCase.input);
          return OK;
        },
        runs: (configured) => configured - 2,
        describe: () => 'a case',
      });
      expect(outcome.status).toBe('pass');
    } finally {
      observePropertyRuns(undefined);
    }
    expect(seen.map(({ exportName, numRuns }) => ({ exportName, numRuns }))).toEqual([
      { exportName: 'process', numRuns: 10 },
    ]);
    const again = fc
      .sample(seen[0]!.arbitrary, { seed: 7, numRuns: 10 })
      .map((testCase) => (testCase as { input: Uint8Array }).input);
    expect(again).toEqual(inputs);
  });
});
