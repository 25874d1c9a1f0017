import { describe, expect, it } from 'vitest';
import { createBenchProgress } from '../../../src/cli/bench-progress.js';

describe('the bench progress', () => {
  it('in a log, says each case on a line of its own', () => {
    let written = '';
    const progress = createBenchProgress((text) => (written += text), false, 2);
    progress.caseStarted('a.wasm', 'process', 1024, 1, 2);
    progress.caseStarted('a.wasm', 'process', 65536, 2, 2);
    progress.pluginDone('a.wasm');
    progress.caseStarted('b.wasm', 'tokenize', 64, 1, 1);
    progress.done();
    expect(written.split('\n').filter(Boolean)).toEqual([
      '[1/2] a.wasm: process at 1 KiB (case 1/2)',
      '[1/2] a.wasm: process at 64 KiB (case 2/2)',
      '[2/2] b.wasm: tokenize at 64 B (case 1/1)',
    ]);
  });

  it('on a terminal, estimates the time left from the cases done, within the width', () => {
    let written = '';
    let clock = 0;
    const progress = createBenchProgress(
      (text) => (written += text),
      true,
      2,
      60,
      () => clock,
    );
    progress.caseStarted('a.wasm', 'process', 1024, 1, 4);
    expect(written).not.toContain('left');
    clock = 10_000;
    progress.caseStarted('a.wasm', 'process', 2048, 2, 4);
    // One case took 10 s; 3 of this plugin's and 4 of the next are left.
    expect(written).toContain('about 1 min 10 s left');
    for (const chunk of written.split('\r').filter(Boolean)) {
      expect([...chunk].length).toBeLessThanOrEqual(59);
    }
    progress.done();
    expect(written.endsWith('\r')).toBe(true);
  });
});
