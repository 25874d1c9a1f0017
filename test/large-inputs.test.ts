// Inputs larger than the plugin's memory limit: the host's own buffers never count against the
// plugin (issue 10). Runs the built bin (npm run build first), as a shell would, on few rules
// so that it stays a matter of seconds.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import { BIN, cli } from './helpers/cli.js';
import { loadSpec } from '../src/index.js';
import { harvestDictionary } from '../src/wasm/dictionary.js';
import { moduleDelimiters } from '../src/property/module-delimiters.js';

const ECHO = 'reference-plugins/dist/echo.wasm';

describe('zenith-conform --max-input-size 1g', () => {
  // With seed 3, ZC-CALL-003's cases include a 411541267-byte input (seen by logging the large
  // input shape's sizes): its input and output buffers are three times the 256 MiB memory
  // limit, all of it pages the host grew. Before the limit was enforced inside the module,
  // that was reported as a memory bomb of echo's.
  it('passes conformant echo, with no memory-bomb verdict', async () => {
    expect(existsSync(BIN), `${BIN}: run npm run build`).toBe(true);
    const args = [ECHO, '--max-input-size', '1g', '--only', 'ZC-CALL-003', '--seed', '3'];
    const result = await cli([...args, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.settings.limits.maxInputBytes).toBe(2 ** 30);
    const [plugin] = report.plugins;
    expect(plugin!.verdict).toBe('pass');
    const bomb = plugin!.results.find((entry) => entry.rule === 'ZC-CALL-003');
    // The 100 generated cases, and the spec's edge inputs for every rule before them (those
    // with a delimiter once for each of echo's, a family once for each of its texts).
    const delimiters = moduleDelimiters(harvestDictionary(readFileSync(ECHO))).length;
    const cases =
      100 +
      loadSpec()
        .edgeInputs.inputs.filter((input) => !input.rules)
        .reduce(
          (sum, input) => sum + (input.delimiter ? delimiters : input.each ? input.each.length : 1),
          0,
        );
    expect(bomb).toMatchObject({ status: 'pass', message: `\`process\`: ${cases} cases` });
    expect(plugin!.results.every((entry) => entry.status === 'pass')).toBe(true);
    expect(JSON.stringify(plugin!.results)).not.toMatch(/memory\.grow|memory bomb|stopped/);
  });
});
