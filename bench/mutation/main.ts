/**
 * `npm run bench:mutation`: the mutation benchmark of the reference plugins (see README.md in
 * this folder). Progress goes to stderr, a summary to stdout, the reports to --out.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { configPlugins, loadConfig } from '../../src/cli/config-file.js';
import { loadSpec, type PluginContract } from '../../src/index.js';
import { parseArgs } from 'node:util';
import { formatDuration } from './render-markdown.js';
import { OPERATOR_IDS, type OperatorId } from './operators.js';
import { DEFAULT_GATE_TIMEOUT_MS, DEFAULT_PER_OPERATOR, runMutationBenchmark } from './run.js';
import { formatScore } from './score.js';
import { writeMutationReport } from './write-report.js';
import type { MutationReport, Score } from './report-types.js';
import { DEFAULT_INPUT_SETTINGS } from './inputs.js';

const root = join(import.meta.dirname, '..', '..');
const DIST = join('reference-plugins', 'dist');
const CONTRACTS = join('reference-plugins', 'zenith-conform.config.json');

const HELP = `Usage: npm run bench:mutation -- [options]

Mutates the reference plugins (one instruction per mutant, in code they run), sorts out the
mutants that behave like the original, and runs the gate on the rest; writes report.json and
report.md.

Options:
  --plugins <list>       Plugins, comma-separated paths (default: every ${DIST}/*.wasm)
  --per-operator <n>     Mutants per operator per plugin (default: ${DEFAULT_PER_OPERATOR})
  --seed <n>             Seed of the sampling, the inputs and the gate (default: 42)
  --out <dir>            Where to write the reports (default: reports/mutation)
  --jobs <n>             Gate runs at a time (default: the number of CPUs)
  --operators <list>     Only these operators (default: ${OPERATOR_IDS.join(', ')})
  --coverage <mode>      instructions (only instructions that ran) or functions (every
                         instruction of a function that ran) (default: instructions)
  --inputs <n>           Seeded inputs per export in the differential check (default: ${DEFAULT_INPUT_SETTINGS.seeded})
  --gate-timeout <ms>    Give up on one gate run after this long (default: ${DEFAULT_GATE_TIMEOUT_MS})
  --contracts <file>     The config whose plugin contracts the "with contract" score uses
                         (default: ${CONTRACTS}); --no-contracts: none
  -h, --help             Print this help
`;

function fail(message: string): never {
  process.stderr.write(`bench:mutation: ${message}\n`);
  process.exit(2);
}

function count(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    fail(`--${name} must be an integer of at least ${min}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function summaryLine(label: string, quick: Score, thorough: Score, contract: Score): string {
  return `  ${label.padEnd(18)} ${formatScore(quick).padStart(6)} ${formatScore(thorough).padStart(8)} ${formatScore(contract).padStart(8)}   ${String(quick.killed).padStart(4)} ${String(quick.killedByShould).padStart(4)} ${String(quick.survived).padStart(4)} ${String(quick.equivalent).padStart(5)} ${String(quick.notInstantiable).padStart(5)} ${String(quick.error).padStart(4)}`;
}

function summary(report: MutationReport, written: readonly string[]): string {
  const { default: quick, thorough, contract } = report.scores;
  const header = `  ${''.padEnd(18)} ${'score'.padStart(6)} ${'thorough'.padStart(8)} ${'contract'.padStart(8)}   ${'kill'.padStart(4)} ${'shld'.padStart(4)} ${'surv'.padStart(4)} ${'equiv'.padStart(5)} ${'inst'.padStart(5)} ${'err'.padStart(4)}`;
  return [
    `Mutation score (default gate / thorough / default with the contract), seed ${report.settings.seed}, ${report.mutants.length} mutants, ${formatDuration(report.durationMs)}`,
    header,
    ...report.plugins.map((plugin) =>
      summaryLine(
        plugin.name,
        quick.plugins[plugin.name]!,
        thorough.plugins[plugin.name]!,
        contract.plugins[plugin.name]!,
      ),
    ),
    '',
    ...report.settings.operators.map((operator) =>
      summaryLine(
        operator,
        quick.operators[operator]!,
        thorough.operators[operator]!,
        contract.operators[operator]!,
      ),
    ),
    '',
    summaryLine('all', quick.overall, thorough.overall, contract.overall),
    `  (kill: a must rule failed; shld: only should rules failed; surv: survived; equiv: presumed equivalent; inst: not instantiable; err: tool error; class counts at the default depth)`,
    '',
    `Wrote ${written.join(' and ')}`,
    '',
  ].join('\n');
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        plugins: { type: 'string' },
        'per-operator': { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        jobs: { type: 'string' },
        operators: { type: 'string' },
        coverage: { type: 'string' },
        inputs: { type: 'string' },
        'gate-timeout': { type: 'string' },
        contracts: { type: 'string' },
        'no-contracts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    fail((error as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const operators = list(values.operators) as OperatorId[] | undefined;
for (const operator of operators ?? []) {
  if (!OPERATOR_IDS.includes(operator)) {
    fail(`--operators: unknown operator ${operator} (known: ${OPERATOR_IDS.join(', ')})`);
  }
}
const coverage = values.coverage ?? 'instructions';
if (coverage !== 'instructions' && coverage !== 'functions') {
  fail(`--coverage must be instructions or functions, got ${JSON.stringify(coverage)}`);
}
// Paths as given are relative to where the command ran; the reports name them from the root.
const given = list(values.plugins)?.map((path) => relative(root, resolve(path)));
const out = resolve(values.out ?? join(root, 'reports', 'mutation'));
process.chdir(root);
const plugins =
  given ??
  readdirSync(DIST)
    .filter((name) => name.endsWith('.wasm'))
    .sort()
    .map((name) => join(DIST, name));
if (plugins.length === 0) fail('no plugins to mutate');

/** Each plugin's contract by name, from the config's entries (what its repository declares). */
async function loadContracts(path: string): Promise<Map<string, PluginContract>> {
  try {
    const loaded = await loadConfig(path, loadSpec());
    return new Map(
      configPlugins(loaded, loadSpec()).flatMap((plugin) =>
        plugin.contract
          ? [[basename(plugin.path).replace(/\.wasm$/, ''), plugin.contract] as const]
          : [],
      ),
    );
  } catch (error) {
    fail(`--contracts ${path}: ${(error as Error).message}`);
  }
}
const contractsSource = values['no-contracts'] ? undefined : (values.contracts ?? CONTRACTS);
const contracts = contractsSource ? await loadContracts(contractsSource) : undefined;

const report = await runMutationBenchmark({
  plugins,
  perOperator: count('per-operator', values['per-operator'], DEFAULT_PER_OPERATOR),
  seed: count('seed', values.seed, 42, 0),
  jobs: count('jobs', values.jobs, availableParallelism()),
  ...(operators ? { operators } : {}),
  coverage,
  seededInputs: count('inputs', values.inputs, DEFAULT_INPUT_SETTINGS.seeded, 0),
  gateTimeoutMs: count('gate-timeout', values['gate-timeout'], DEFAULT_GATE_TIMEOUT_MS),
  ...(contracts && contractsSource ? { contracts, contractsSource } : {}),
  onProgress: (line) => process.stderr.write(`${line}\n`),
});
const written = (await writeMutationReport(report, out)).map((path) =>
  relative(root, path).startsWith('..') ? path : relative(root, path),
);
process.stdout.write(summary(report, written));
// The gate's sandbox process may linger; the run is over.
process.exit(0);
