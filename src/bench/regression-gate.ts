import { formatSize } from '../util/format-size.js';
import type {
  BenchReport,
  CaseComparison,
  Gate,
} from '../spec-model/bench-report-types.generated.js';
import { pluginKey } from './compare.js';

export interface GateSettings {
  failOnRegressionPercent?: number;
  maxInstructionsPerByte?: number;
}

const where = (plugin: string, exportName: string, size: number): string =>
  `${plugin} \`${exportName}\` at ${formatSize(size)}`;

/**
 * The CI gates, one line per failing case: a regression against the baseline (with
 * --fail-on-regression), instructions per byte above --max-instructions-per-byte (a case
 * whose instructions could not be counted fails that gate too: it cannot be shown to pass).
 */
export function evaluateGate(
  report: BenchReport,
  comparisons: readonly CaseComparison[] | undefined,
  settings: GateSettings,
): Gate | undefined {
  const { failOnRegressionPercent: percent, maxInstructionsPerByte: max } = settings;
  if (percent === undefined && max === undefined) return undefined;
  const failures: string[] = [];
  if (percent !== undefined) {
    for (const c of comparisons ?? []) {
      if (!c.regression) continue;
      const at = where(c.plugin, c.export, c.size);
      if (c.time.verdict === 'slower' && c.time.changePercent !== undefined) {
        failures.push(
          `${at}: ${c.time.changePercent.toFixed(1)}% slower (at least ${((c.time.ratioLow! - 1) * 100).toFixed(1)}% with 95% confidence; threshold ${percent}%)`,
        );
      }
      if (c.instructions.verdict === 'more') {
        failures.push(
          `${at}: ${c.instructions.current} instructions per call, up from ${c.instructions.baseline}`,
        );
      }
      if (c.status) failures.push(`${at}: ${c.status} (measured in the baseline)`);
    }
  }
  if (max !== undefined) {
    for (const plugin of report.plugins) {
      for (const result of plugin.cases) {
        if (result.status !== 'measured') continue;
        const at = where(pluginKey(plugin), result.export, result.size);
        if (!result.instructions)
          failures.push(`${at}: instructions could not be counted (--max-instructions-per-byte)`);
        else if (result.instructions.perByte > max) {
          failures.push(
            `${at}: ${result.instructions.perByte.toFixed(2)} instructions per byte, above ${max}`,
          );
        }
      }
    }
  }
  return {
    ok: failures.length === 0,
    ...(percent !== undefined ? { failOnRegressionPercent: percent } : {}),
    ...(max !== undefined ? { maxInstructionsPerByte: max } : {}),
    failures,
  };
}
