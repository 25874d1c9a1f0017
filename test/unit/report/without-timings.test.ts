import { describe, expect, it } from 'vitest';
import { withoutTimings } from '../../../src/report/without-timings.js';

describe('withoutTimings', () => {
  it('drops durations at any depth and the measured CPU time of a stopped call', () => {
    const report = {
      durationMs: 12.5,
      plugins: [
        {
          results: [
            { rule: 'ZC-CALL-001', durationMs: 3, message: 'still running after 330 ms of CPU' },
          ],
          exploration: { iterations: 3000, durationMs: 363 },
        },
      ],
    };
    expect(withoutTimings(report)).toEqual({
      plugins: [
        {
          results: [{ rule: 'ZC-CALL-001', message: 'still running after N ms of CPU' }],
          exploration: { iterations: 3000 },
        },
      ],
    });
  });

  it('keeps everything else as it is', () => {
    expect(withoutTimings({ seed: 42, runs: 100, ok: true, none: null })).toEqual({
      seed: 42,
      runs: 100,
      ok: true,
      none: null,
    });
  });
});
