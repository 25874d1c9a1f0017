import { describe, expect, it } from 'vitest';
import { formatEta, StatusLine } from '../../../src/cli/progress-line.js';
import { casesPerSecond, createProgress } from '../../../src/cli/progress.js';
import type { PluginReport, RuleResult } from '../../../src/spec-model/report-types.generated.js';

const result = (rule: string): RuleResult => ({
  rule,
  level: 'must',
  area: 'CALL',
  description: 'd',
  status: 'pass',
  message: '',
  durationMs: 1,
});

/** What a terminal would show after the writes: each \r returns to the start of the line. */
function screen(writes: string): string[] {
  const lines: string[] = [''];
  for (const chunk of writes.split(/(\r|\n)/)) {
    if (chunk === '\n') lines.push('');
    else if (chunk === '\r') lines[lines.length - 1] = '\u2400';
    else if (chunk) {
      const last = lines[lines.length - 1]!;
      lines[lines.length - 1] = last.startsWith('\u2400')
        ? chunk + last.slice(1 + chunk.length)
        : last + chunk;
    }
  }
  return lines.map((line) => line.replace(/^\u2400/, ''));
}

describe('the progress line on a terminal', () => {
  it('never reaches the last column, so a redraw cannot wrap onto a new line', () => {
    let written = '';
    const status = new StatusLine((text) => (written += text), 40);
    status.draw(`${'x'.repeat(100)}`);
    status.draw('short');
    for (const chunk of written.split('\r').filter(Boolean)) {
      expect([...chunk].length).toBeLessThanOrEqual(39);
    }
    expect(written).toContain('…');
    expect(screen(written)).toHaveLength(1);
  });

  it("counts against each plugin's own number of rules", () => {
    let written = '';
    const totals = [3, 5];
    const progress = createProgress(
      (text) => (written += text),
      true,
      (i) => totals[i]!,
      2,
      80,
    );
    progress.rule('a.wasm', result('ZC-MOD-001'));
    expect(written).toContain('1/3 ZC-MOD-001 · [1/2] a.wasm');
    progress.plugin({ source: 'a.wasm', verdict: 'pass' } as PluginReport);
    progress.rule('b.wasm', result('ZC-MOD-001'));
    expect(written).toContain('1/5 ZC-MOD-001 · [2/2] b.wasm');
    progress.done();
    expect(
      screen(written)
        .filter((line) => line.trim())
        .at(-1),
    ).toBe('[1/2] a.wasm: PASS');
  });

  it('estimates as a person reads it', () => {
    expect(formatEta(400)).toBe('1 s');
    expect(formatEta(12_400)).toBe('12 s');
    expect(formatEta(185_000)).toBe('3 min 5 s');
  });
});

describe('casesPerSecond', () => {
  it('says the rate in cases, thousands with one decimal', () => {
    expect(casesPerSecond(850.4)).toBe('850 cases/s');
    expect(casesPerSecond(12_345)).toBe('12.3k cases/s');
  });
});
