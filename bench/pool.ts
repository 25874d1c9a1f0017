/**
 * The worker pool and the time budget, measured in one run (needs the built CLI: npm run build):
 *
 * - Speed-up of --jobs: the same run with `--jobs 1` and with `--jobs <cores>`, in turn, pair
 *   by pair (so load drifting over the run hits both alike); the ratio of each pair's wall
 *   times, and their median. The reports must be equal but for timings, or the figure means
 *   nothing: the script says so and exits 1.
 * - `--time`: wall time of a run given a budget, against the budget, and the cases each
 *   property rule ran.
 *
 * Run: npx tsx bench/pool.ts [plugin.wasm] [pairs] [--time 10s] [--plugin-for-time echo.wasm]
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ConformanceReport } from '../src/index.js';
import { withoutTimings } from '../src/report/without-timings.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const dist = join(root, 'reference-plugins', 'dist');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { time: { type: 'string', default: '10s' }, 'plugin-for-time': { type: 'string' } },
});
const plugin = positionals[0] ?? join(dist, 'text-normalize.wasm');
const pairs = Number(positionals[1] ?? 3);
const cores = availableParallelism();

/** One CLI run: its wall time and its JSON report. */
function run(args: readonly string[]): { ms: number; report: ConformanceReport } {
  const began = performance.now();
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [cli, ...args, '--json'], {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    });
  } catch (error) {
    // Exit 1 is a plugin that fails: still a measurement.
    const failed = error as { status?: number; stdout?: string };
    if (failed.status !== 1 || failed.stdout === undefined) throw error;
    stdout = failed.stdout;
  }
  return { ms: performance.now() - began, report: JSON.parse(stdout) as ConformanceReport };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

console.log(`${plugin} --thorough: --jobs 1 against --jobs ${cores}, ${pairs} pairs`);
const ratios: number[] = [];
let same = true;
for (let pair = 0; pair < pairs; pair++) {
  // Which goes first alternates: neither always follows the other.
  const order = pair % 2 === 0 ? [1, cores] : [cores, 1];
  const runs = new Map(
    order.map((jobs) => [jobs, run([plugin, '--thorough', '--jobs', `${jobs}`])]),
  );
  const one = runs.get(1)!;
  const many = runs.get(cores)!;
  same &&=
    JSON.stringify(withoutTimings(one.report)) === JSON.stringify(withoutTimings(many.report));
  ratios.push(one.ms / many.ms);
  console.log(
    `  pair ${pair + 1}: --jobs 1 ${seconds(one.ms)}, --jobs ${cores} ${seconds(many.ms)}, speed-up ${(one.ms / many.ms).toFixed(2)}x`,
  );
}
console.log(
  `speed-up with ${cores} jobs: median ${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}); reports ${same ? 'identical but for timings' : 'DIFFERENT'}`,
);

const timed = values['plugin-for-time'] ?? join(dist, 'echo.wasm');
const budget = values.time;
const { ms, report } = run([timed, '--time', budget]);
const budgetMs = report.settings.timeMs ?? 0;
console.log(
  `\n${timed} --time ${budget}: ran ${seconds(ms)}, ${(((ms - budgetMs) / budgetMs) * 100).toFixed(1)}% off the budget`,
);
for (const result of report.plugins[0]?.results ?? []) {
  const cases = (result.census ?? []).reduce((sum, tally) => sum + tally.cases, 0);
  if (cases === 0) continue;
  const rate = Math.round(cases / (result.durationMs / 1000));
  console.log(
    `  ${result.rule.padEnd(12)} ${String(cases).padStart(7)} cases in ${seconds(result.durationMs)} (${rate} cases/s)`,
  );
}
if (!same) process.exit(1);
