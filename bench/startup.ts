/**
 * Where a default run's time goes, as ratios against `node -e 0` plus the module's compile
 * time, all measured in this one run with the commands interleaved round by round (so machine
 * load hits each alike). Needs the built CLI (npm run build).
 * Run: npx tsx bench/startup.ts [plugin.wasm] [rounds]
 *
 * The steps, each one command (the difference between two is what the later one adds):
 *   node -e 0                 Node's own start
 *   --version                 the CLI's modules loaded, nothing run
 *   --only ZC-MOD-001         start-up: options, spec, module read and compiled, the sandbox
 *     --no-explore            process and the workers started, one static rule, the report
 *   --no-explore              every rule, without the coverage exploration
 *   (default)                 the default run: exploration (3000 calls) and every rule
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const plugin = process.argv[2] ?? join(root, 'reference-plugins', 'dist', 'echo.wasm');
const rounds = Number(process.argv[3] ?? 7);
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

const steps: Array<{ label: string; args: string[] }> = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'CLI loaded (--version)', args: [cli, '--version'] },
  {
    label: 'start-up (one static rule)',
    args: [cli, plugin, '--only', 'ZC-MOD-001', '--no-explore'],
  },
  { label: 'every rule (--no-explore)', args: [cli, plugin, '--no-explore'] },
  { label: 'default run', args: [cli, plugin] },
];

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Wall time of one command, in ms; a failing command is a broken measurement. */
function timeCommand(args: readonly string[]): number {
  const began = performance.now();
  try {
    execFileSync(process.execPath, args, { stdio: 'ignore' });
  } catch (error) {
    // Exit 1 (a plugin that fails) is still a measurement; anything else is not.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  return performance.now() - began;
}

/** Compiling the module in this process, fresh each time: what any host pays once. */
async function compileMs(bytes: Uint8Array<ArrayBuffer>): Promise<number> {
  const began = performance.now();
  await WebAssembly.compile(bytes);
  return performance.now() - began;
}

const bytes = new Uint8Array(readFileSync(plugin));
const times = steps.map(() => [] as number[]);
const compiles: number[] = [];
timeCommand(steps[0]!.args); // warms the file cache for Node itself
for (let round = 0; round < rounds; round++) {
  compiles.push(await compileMs(bytes));
  // A different step first each round: no step always runs right after a heavy one.
  for (let offset = 0; offset < steps.length; offset++) {
    const index = (round + offset) % steps.length;
    times[index]!.push(timeCommand(steps[index]!.args));
  }
}

const baseline = median(times[0]!) + median(compiles);
console.log(`plugin: ${plugin}, ${rounds} rounds, medians (min-max)`);
console.log(`compile of the module: ${median(compiles).toFixed(1)} ms`);
console.log(`baseline (node -e 0 + compile): ${baseline.toFixed(0)} ms`);
for (const [index, step] of steps.entries()) {
  const values = times[index]!;
  const ratio = median(values) / baseline;
  console.log(
    `${step.label.padEnd(32)} ${median(values).toFixed(0).padStart(6)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})  ${ratio.toFixed(2)}x baseline`,
  );
}
