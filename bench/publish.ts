/**
 * `npm run bench:publish`: benches every module in reference-plugins/dist with the default
 * settings and writes the published reports to reports/ (report.json, report.md, report.html).
 * `npm run generate` then refreshes the README's table from reports/report.json.
 * Run it on a quiet machine: the wall-clock figures are only as good as the machine is idle.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runBench } from '../src/bench/run-bench.js';
import { renderBenchText } from '../src/bench/render/text.js';
import { formatSize } from '../src/util/format-size.js';
import { writeReports } from '../src/bench/write-reports.js';

const root = join(import.meta.dirname, '..');
const dist = join('reference-plugins', 'dist');
const plugins = readdirSync(join(root, dist))
  .filter((name) => name.endsWith('.wasm'))
  .sort()
  .map((name) => join(dist, name));

process.chdir(root);
const report = await runBench(plugins, {
  onEvent: (source, event) => {
    if (event.type === 'case-start')
      console.error(`${source}: ${event.export} at ${formatSize(event.size)}`);
  },
});
const written = await writeReports(report, 'reports');
process.stdout.write(renderBenchText(report, false, written));
process.exitCode = report.summary.errors > 0 ? 1 : 0;
