import type { PluginReport, RuleResult } from '../spec-model/report-types.generated.js';
import { sanitizeText } from '../util/sanitize.js';

export interface Progress {
  rule(source: string, result: RuleResult): void;
  plugin(report: PluginReport): void;
  done(): void;
}

/**
 * On a terminal, one live line (the plugin, the rule just finished, how many are done); in CI
 * logs, one plain line per plugin when there are several, since a redrawn line is noise there.
 */
export function createProgress(
  write: (text: string) => void,
  isTTY: boolean,
  rulesPerPlugin: number,
  plugins: number,
): Progress {
  let done = 0;
  let finished = 0;
  let shown = 0;
  // Redraw with a carriage return and spaces rather than ANSI erase codes, so that NO_COLOR
  // output stays free of escape sequences.
  const redraw = (line: string): void => {
    write(`\r${line.padEnd(shown)}`);
    shown = line.length;
  };
  const clear = (): void => {
    if (shown > 0) write(`\r${' '.repeat(shown)}\r`);
    shown = 0;
  };
  return {
    rule(source, result) {
      done++;
      if (!isTTY) return;
      const width = 20;
      const filled = Math.min(width, Math.round((done / rulesPerPlugin) * width));
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      redraw(
        `${bar} ${done}/${rulesPerPlugin} ${sanitizeText(result.rule)} · ${sanitizeText(source)}`,
      );
    },
    plugin(report) {
      finished++;
      done = 0;
      const line = `[${finished}/${plugins}] ${sanitizeText(report.source)}: ${report.verdict.toUpperCase()}`;
      // One plugin needs no progress line in a log: the report follows at once.
      if (isTTY) {
        clear();
        write(`${line}\n`);
      } else if (plugins > 1) write(`${line}\n`);
    },
    done() {
      if (isTTY) clear();
    },
  };
}
