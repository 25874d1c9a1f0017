import type { PluginReport, RuleResult } from '../spec-model/report-types.generated.js';
import { sanitizeText } from '../util/sanitize.js';
import { StatusLine } from './progress-line.js';

export interface Progress {
  rule(source: string, result: RuleResult): void;
  plugin(report: PluginReport): void;
  done(): void;
}

/**
 * On a terminal, one live line cut to its width (the plugin, the rule just finished, how many
 * are done); in CI logs, one plain line per plugin when there are several, since a redrawn line
 * is noise there. `rulesOf(i)` is how many rules plugin i runs (its contract adds some).
 */
export function createProgress(
  write: (text: string) => void,
  isTTY: boolean,
  rulesOf: (pluginIndex: number) => number,
  plugins: number,
  columns?: number,
): Progress {
  let done = 0;
  let finished = 0;
  // Property cases this plugin has run so far, and since when: its cases per second.
  let cases = 0;
  let since = performance.now();
  const status = new StatusLine(write, columns);
  return {
    rule(source, result) {
      done++;
      for (const tally of result.census ?? []) cases += tally.cases;
      if (!isTTY) return;
      const total = Math.max(done, rulesOf(finished));
      const width = 20;
      const filled = Math.min(width, Math.round((done / total) * width));
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const which = plugins > 1 ? `[${finished + 1}/${plugins}] ` : '';
      const seconds = (performance.now() - since) / 1000;
      const rate = cases > 0 && seconds > 0 ? ` · ${casesPerSecond(cases / seconds)}` : '';
      status.draw(`${bar} ${done}/${total} ${result.rule}${rate} · ${which}${source}`);
    },
    plugin(report) {
      finished++;
      done = 0;
      cases = 0;
      since = performance.now();
      const line = `[${finished}/${plugins}] ${sanitizeText(report.source)}: ${report.verdict.toUpperCase()}`;
      // One plugin needs no progress line in a log: the report follows at once.
      if (isTTY) {
        status.clear();
        write(`${line}\n`);
      } else if (plugins > 1) write(`${line}\n`);
    },
    done() {
      if (isTTY) status.clear();
    },
  };
}

/** `850 cases/s`, `12.3k cases/s`. */
export const casesPerSecond = (rate: number): string =>
  rate >= 1000 ? `${(rate / 1000).toFixed(1)}k cases/s` : `${Math.round(rate)} cases/s`;
