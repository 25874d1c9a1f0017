import { formatSize } from '../util/format-size.js';
import { sanitizeText } from '../util/sanitize.js';
import { formatEta, StatusLine } from './progress-line.js';

export interface BenchProgress {
  caseStarted(source: string, exportName: string, size: number, index: number, cases: number): void;
  pluginDone(source: string): void;
  done(): void;
}

/**
 * The bench's progress on stderr. On a terminal: one line cut to its width with the plugin
 * (n/N), the case (n/N) and an estimate of the time left, from the average case so far. In a
 * log (not a terminal): one plain line per case, so that a bench of a minute is never silent.
 */
export function createBenchProgress(
  write: (text: string) => void,
  isTTY: boolean,
  plugins: number,
  columns?: number,
  now: () => number = () => performance.now(),
): BenchProgress {
  const status = new StatusLine(write, columns);
  const began = now();
  let pluginsDone = 0;
  let casesDone = 0;
  let casesThisPlugin = 0;
  return {
    caseStarted(source, exportName, size, index, cases) {
      casesThisPlugin = cases;
      const which = `[${pluginsDone + 1}/${plugins}] ${sanitizeText(source)}`;
      const what = `${exportName} at ${formatSize(size)} (case ${index}/${cases})`;
      if (!isTTY) {
        write(`${which}: ${what}\n`);
        return;
      }
      // Cases left: the rest of this plugin's, and as many again for each plugin to come.
      const finished = casesDone + index - 1;
      const left = cases - index + 1 + (plugins - pluginsDone - 1) * cases;
      const eta =
        finished > 0 ? `, about ${formatEta(((now() - began) / finished) * left)} left` : '';
      // What matters most comes first: a narrow terminal cuts the end of the line.
      status.draw(
        `[${pluginsDone + 1}/${plugins}] case ${index}/${cases}${eta} · ${sanitizeText(source)}: ${exportName} at ${formatSize(size)}`,
      );
    },
    pluginDone() {
      pluginsDone++;
      casesDone += casesThisPlugin;
      casesThisPlugin = 0;
    },
    done() {
      if (isTTY) status.clear();
    },
  };
}
