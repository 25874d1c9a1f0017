// The JavaScript baseline is compared with the plugin's output by size and sha256 (no copy of
// the output is kept): equal bytes give a ratio, other bytes none.
import { describe, expect, it } from 'vitest';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import { digestOf } from '../../../src/bench/first-call.js';
import { generateInput } from '../../../src/bench/inputs.js';
import { measureJsBaseline } from '../../../src/bench/js-baselines/measure.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const spec = new SpecIndex(loadSpec());
const shape = callShapeOf(spec, 'process');
const input = generateInput({ spec, exports: new Set(['process']), seed: 42 }, shape, 256);
const timing = { timeMs: 1, warmupMs: 0 };

describe('the JavaScript baseline against the output digest', () => {
  it('times the copy when the plugin wrote the same bytes', () => {
    const js = measureJsBaseline(spec, timing, 'copy', shape, input, digestOf(input.input));
    expect(js).toMatchObject({ baseline: 'copy', matches: true });
    expect(js?.stats?.samples).toBeGreaterThan(0);
  });

  it.each([
    ['other bytes', () => digestOf(input.input.map((byte) => byte ^ 1))],
    ['more bytes', () => digestOf(Uint8Array.of(...input.input, 0))],
  ])('gives no ratio for %s', (_name, output) => {
    expect(measureJsBaseline(spec, timing, 'copy', shape, input, output())).toEqual({
      baseline: 'copy',
      matches: false,
      note: "the JavaScript output differs from the plugin's: no ratio",
    });
  });
});
