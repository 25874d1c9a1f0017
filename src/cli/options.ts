import { BENCH_DEFAULTS, QUICK_DEFAULTS } from '../bench/run-bench.js';
import { DEPTHS } from '../property/depth.js';
import { DEFAULT_SEED } from '../runner/run-conformance.js';
import { loadSpec } from '../spec-model/load-spec.js';

/**
 * The CLI's option tables, one per command: the parsers, both --help texts and the README's CLI
 * reference are generated from them. Limit options come from the spec's limits, so a new limit
 * is a new flag.
 */
export interface OptionSpec {
  name: string;
  short?: string;
  kind: 'flag' | 'string' | 'integer' | 'number';
  placeholder?: string;
  default?: string;
  description: string;
  /** For limit options: the spec limit it overrides. */
  limit?: string;
  /** A comma-separated list of names or paths (a config file may give an array). */
  list?: true;
  /** Its value is a path: a config file's are relative to the file's folder. */
  path?: true;
  /** Not settable from a config file (a one-off action, or folded into another key). */
  cliOnly?: true;
}

/** Options both commands take, described once. */
const COMMON_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'color',
    kind: 'flag',
    cliOnly: true,
    description: 'Colour the output even when it is not a terminal (also FORCE_COLOR=1).',
  },
  {
    name: 'no-color',
    kind: 'flag',
    cliOnly: true,
    description:
      'Plain text output (also NO_COLOR=1); by default colour when stdout is a terminal or CI is set.',
  },
  {
    name: 'version',
    short: 'V',
    kind: 'flag',
    cliOnly: true,
    description: 'Print the version and exit.',
  },
  {
    name: 'help',
    short: 'h',
    kind: 'flag',
    cliOnly: true,
    description: 'Print this help and exit.',
  },
];

const FIXED_OPTIONS: OptionSpec[] = [
  {
    name: 'config',
    kind: 'string',
    placeholder: 'file',
    cliOnly: true,
    description:
      'Read options, plugins and their contracts (fixtures, declared properties) from this file; default: zenith-conform.config.json (or .mjs, .js, .ts) in the working directory, if there is one. Options given here override it.',
  },
  {
    name: 'no-config',
    kind: 'flag',
    cliOnly: true,
    description: 'Ignore zenith-conform.config.* in the working directory.',
  },
  {
    name: 'update-fixtures',
    kind: 'flag',
    cliOnly: true,
    description:
      "Write what each plugin returns as its golden fixtures' expected output (as snapshot tools do), then check the rest as usual.",
  },
  {
    name: 'json',
    kind: 'flag',
    description: 'Print the report as JSON (spec/report.schema.json) instead of text.',
  },
  {
    name: 'json-file',
    path: true,
    kind: 'string',
    placeholder: 'file',
    description:
      'Also write the JSON report to this file, keeping the text report on stdout (what a CI log and a reports folder both want).',
  },
  {
    name: 'junit',
    path: true,
    kind: 'string',
    placeholder: 'file',
    description:
      'Also write a JUnit XML report (one testcase per rule per plugin) to this file; - prints it on stdout instead of the text report.',
  },
  {
    name: 'sarif',
    path: true,
    kind: 'string',
    placeholder: 'file',
    description:
      "Also write a SARIF 2.1.0 report (the spec's rules; one result per failed rule, at the plugin's path) to this file, for code scanning.",
  },
  {
    name: 'no-github',
    cliOnly: true,
    kind: 'flag',
    description:
      'Under GitHub Actions (GITHUB_ACTIONS=true) write no ::error/::warning annotations and no job summary ($GITHUB_STEP_SUMMARY); both are on by default there.',
  },
  {
    name: 'expect',
    path: true,
    kind: 'string',
    placeholder: 'file',
    description:
      'Known failures: JSON {"expectedFailures":[{"rule","reason","plugin"?}]} (spec/expect.schema.json); an unexpected pass fails.',
  },
  {
    name: 'shard',
    kind: 'string',
    placeholder: 'k/n',
    description:
      'Check only shard k of n of the plugins (sorted by path), for CI matrix jobs; an empty shard exits 0.',
  },
  {
    name: 'only',
    list: true,
    kind: 'string',
    placeholder: 'ids',
    description: 'Run only these rules (comma-separated ids) and the rules they depend on.',
  },
  {
    name: 'seed',
    kind: 'string',
    placeholder: 'n',
    default: String(DEFAULT_SEED),
    description:
      'Seed for generated inputs and the plugin\'s clock and randomness; "random" picks one.',
  },
  {
    name: 'quick',
    cliOnly: true,
    kind: 'flag',
    description: `Property depth: ${DEPTHS.quick.description}.`,
  },
  {
    name: 'thorough',
    cliOnly: true,
    kind: 'flag',
    description: `Property depth: ${DEPTHS.thorough.description}.`,
  },
  {
    name: 'strict',
    kind: 'flag',
    description:
      'Fail a plugin on should failures and on warnings too (a census of accepted inputs below the spec threshold).',
  },
  {
    name: 'runs',
    kind: 'integer',
    placeholder: 'n',
    description: 'Cases per property rule, overriding the depth.',
  },
  {
    name: 'time',
    kind: 'string',
    placeholder: 'duration',
    description:
      "A time budget instead of a case count (30s, 5m, 1h; for the whole run, its plugins sharing it): each property rule makes cases until its share is spent, and at least the depth's count. The cases then depend on the machine: for nightly jobs, not a reproducible gate.",
  },
  {
    name: 'jobs',
    short: 'j',
    kind: 'integer',
    placeholder: 'n',
    default: 'the available cores',
    description:
      'Workers that share the rules (each with its own instance, call watch and deadline); the verdicts are the same for any n.',
  },
  {
    name: 'path',
    cliOnly: true,
    kind: 'string',
    placeholder: 'p',
    description:
      'Replay one counterexample: the fast-check path a failure printed (with its --seed and --only rule).',
  },
  {
    name: 'export',
    list: true,
    kind: 'string',
    placeholder: 'names',
    description: 'Fuzz only these exports (comma-separated), e.g. process,tokenize.',
  },
  {
    name: 'corpus',
    list: true,
    path: true,
    kind: 'string',
    placeholder: 'paths',
    description:
      'Sample inputs (comma-separated or repeated): files, or directories meaning every file in them, recursively; each cut at --max-input-size, at most 1000 samples and 16 MiB. Samples and their mutants get most property cases.',
  },
  {
    name: 'explore',
    kind: 'number',
    placeholder: 'seconds',
    description:
      'Before the rules, explore `process` for this long with block coverage (an instrumented copy of the module); inputs reaching new blocks join the property cases. What a time budget keeps depends on the machine: for a CI gate use --explore-iterations.',
  },
  {
    name: 'explore-iterations',
    kind: 'integer',
    placeholder: 'n',
    description:
      'Explore exactly n calls (the default explores 3000; n and the seed decide the inputs kept, whatever the machine); with --explore, whichever ends first.',
  },
  {
    name: 'no-explore',
    cliOnly: true,
    kind: 'flag',
    description: 'Do not explore before the rules: generated inputs and the corpus only.',
  },
  {
    name: 'list-rules',
    cliOnly: true,
    kind: 'flag',
    description: 'Print every rule with its level and description, then exit.',
  },
  ...COMMON_OPTIONS,
];

/** The spec's limits as options (all of them, or the named ones), described by the spec. */
function limitOptions(names?: readonly string[]): OptionSpec[] {
  return loadSpec()
    .limits.filter((limit) => !names || names.includes(limit.name))
    .map((limit) => ({
      name: limit.option.replace(/^--/, ''),
      kind: 'integer',
      placeholder: limit.unit,
      default: String(limit.default),
      description: limit.description,
      limit: limit.name,
    }));
}

export function optionTable(): OptionSpec[] {
  return [...FIXED_OPTIONS, ...limitOptions()];
}

/** The option rows of a help text: flag and placeholder padded to a column, then the text. */
function optionRows(table: readonly OptionSpec[], column: number): string[] {
  return table.map((option) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.placeholder ? ` <${option.placeholder}>` : ''}`;
    const text =
      option.default === undefined
        ? option.description
        : `${option.description} (default: ${option.default})`;
    return `  ${flag.padEnd(column)} ${text}`;
  });
}

/** The commands: how each is named in its messages and where its help is. */
export const COMMANDS = {
  check: {
    prefix: 'zenith-conform',
    usage: 'zenith-conform [options] <plugin...>',
    help: 'zenith-conform --help',
  },
  bench: {
    prefix: 'zenith-conform bench',
    usage: 'zenith-conform bench [options] <plugin...>',
    help: 'zenith-conform bench --help',
  },
  inspect: {
    prefix: 'zenith-conform inspect',
    usage: 'zenith-conform inspect [options] <plugin...>',
    help: 'zenith-conform inspect --help',
  },
} as const;
export type CommandName = keyof typeof COMMANDS;

/** An error of either command as printed: `zenith-conform: ...` or `zenith-conform bench: ...`. */
export function errorLine(command: CommandName, message: string): string {
  return `${COMMANDS[command].prefix}: ${message}\n`;
}

/** The message for a command run without a plugin. */
export function noPluginMessage(command: CommandName): string {
  return `no plugin given: ${COMMANDS[command].usage} (see ${COMMANDS[command].help})`;
}

const PLUGIN_ARGUMENTS = [
  'A plugin is a .wasm file, - (one module read from stdin), a directory (the .wasm files directly',
  "in it) or a quoted glob with *, ? and ** ('dist/*.wasm', 'target/**/*.wasm'), expanded sorted.",
];

export function renderHelp(): string {
  return [
    `Usage: ${COMMANDS.check.usage}`,
    `       ${COMMANDS.bench.usage}   (benchmarks: see bench --help)`,
    `       ${COMMANDS.inspect.usage} (what a module holds: see inspect --help)`,
    '',
    'Checks Zenith WebAssembly plugins against the plugin ABI spec (spec/ABI.md).',
    ...PLUGIN_ARGUMENTS,
    'Exit codes: 0 every must rule passed (or the --shard has no plugins), 1 a must rule failed,',
    '2 usage error, unreadable path, file not written, or internal error (one line on stderr).',
    '',
    'Options:',
    ...optionRows(optionTable(), 34),
    '',
  ].join('\n');
}

/**
 * The `zenith-conform bench` options: its parser, `bench --help` and the README's bench
 * section are generated from this table.
 */
export const BENCH_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'sizes',
    kind: 'string',
    placeholder: 'list',
    default: '64,1k,64k,1m',
    description: 'Input sizes, comma-separated: bytes, or k and m for KiB and MiB.',
  },
  {
    name: 'input',
    kind: 'string',
    placeholder: 'file',
    description:
      "Use this file as every case's input instead of generated ones (a params struct export reads the struct first).",
  },
  {
    name: 'export',
    kind: 'string',
    placeholder: 'names',
    description: 'Bench only these exports (comma-separated), e.g. process,tokenize.',
  },
  {
    name: 'time',
    kind: 'integer',
    placeholder: 'ms',
    default: String(BENCH_DEFAULTS.timeMs),
    description: 'Time budget per timed task (raw loop, harness, JavaScript).',
  },
  {
    name: 'warmup',
    kind: 'integer',
    placeholder: 'ms',
    default: String(BENCH_DEFAULTS.warmupMs),
    description: 'Warm-up before each timed task.',
  },
  {
    name: 'seed',
    kind: 'string',
    placeholder: 'n',
    default: String(BENCH_DEFAULTS.seed),
    description: 'Seed of the generated inputs; "random" picks one.',
  },
  {
    name: 'quick',
    kind: 'flag',
    description: `For pull-request checks: instruction counts as always, and a short timing run (sizes ${QUICK_DEFAULTS.sizes.map((size) => `${size / 1024}k`).join(',')}, --time ${QUICK_DEFAULTS.timeMs}, --warmup ${QUICK_DEFAULTS.warmupMs} unless given); the full run is for published reports.`,
  },
  {
    name: 'no-instructions',
    kind: 'flag',
    description: 'Skip instruction counting (a binaryen-instrumented copy of each module).',
  },
  {
    name: 'max-instructions-per-byte',
    kind: 'number',
    placeholder: 'n',
    description: 'Exit 1 when a case executes more instructions per input byte than this.',
  },
  {
    name: 'baseline',
    kind: 'string',
    placeholder: 'report.json',
    description:
      'Compare with an earlier report.json, case by case (faster, slower, inconclusive).',
  },
  {
    name: 'fail-on-regression',
    kind: 'number',
    placeholder: 'percent',
    description:
      'With --baseline: exit 1 when a case is slower by more than this with 95% confidence, or uses more instructions.',
  },
  {
    name: 'out',
    kind: 'string',
    placeholder: 'dir',
    description:
      'Write report.json, report.md and report.html (inline SVG charts) to this directory.',
  },
  {
    name: 'json',
    kind: 'flag',
    description: 'Print the report as JSON (spec/bench-report.schema.json) instead of text.',
  },
  {
    name: 'plugin-timeout',
    kind: 'integer',
    placeholder: 'ms',
    default: String(BENCH_DEFAULTS.pluginTimeoutMs),
    description:
      "Deadline for one plugin's whole bench, not counting the host's own work (generating and copying inputs, the JavaScript baseline) up to as much again; a plugin past it is stopped and reported as an error.",
  },
  // The limits the bench enforces: a size above maxInputBytes is refused before anything runs.
  ...limitOptions(['maxInputBytes', 'maxMemoryBytes']),
  ...COMMON_OPTIONS,
];

export function renderBenchHelp(): string {
  return [
    `Usage: ${COMMANDS.bench.usage}`,
    '',
    'Benchmarks Zenith WebAssembly plugins: each export the spec describes, at each input size, timed',
    'with tinybench against a raw loop and plain JavaScript, plus a deterministic instruction count.',
    ...PLUGIN_ARGUMENTS,
    'Exit codes: 0 benchmarked and every gate passed, 1 a gate failed or a plugin trapped, hung or',
    'did not load, 2 usage error, unreadable path, file not written, or internal error.',
    '',
    'Options:',
    ...optionRows(BENCH_OPTIONS, 38),
    '',
  ].join('\n');
}

/** The `zenith-conform inspect` options: its parser and help are rendered from this table. */
export const INSPECT_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'json',
    kind: 'flag',
    description: 'Print the inspection as JSON (an array, one entry per plugin) instead of text.',
  },
  ...COMMON_OPTIONS.filter((option) => option.name !== 'color' && option.name !== 'no-color'),
];

export function renderInspectHelp(): string {
  return [
    `Usage: ${COMMANDS.inspect.usage}`,
    '',
    'Shows what a module holds without running it: exports and imports with their signatures and',
    "the spec's roles, memory limits, the plugin_info string when the data holds it, printable data",
    'strings, custom sections (the producers section: what compiled it), and the rules that would',
    'not run (an export they need is missing).',
    ...PLUGIN_ARGUMENTS,
    'Exit codes: 0 every plugin was read, 2 a path or file could not be read as a module, or a',
    'usage error.',
    '',
    'Options:',
    ...optionRows(INSPECT_OPTIONS, 20),
    '',
  ].join('\n');
}
