import { BENCH_DEFAULTS } from '../bench/run-bench.js';
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
}

const FIXED_OPTIONS: OptionSpec[] = [
  {
    name: 'json',
    kind: 'flag',
    description: 'Print the report as JSON (spec/report.schema.json) instead of text.',
  },
  {
    name: 'junit',
    kind: 'string',
    placeholder: 'file',
    description: 'Also write a JUnit XML report (one testcase per rule per plugin) to this file.',
  },
  {
    name: 'expect',
    kind: 'string',
    placeholder: 'file',
    description:
      'Known failures: JSON {"expectedFailures":[{"rule","reason","plugin"?}]}; an unexpected pass fails.',
  },
  {
    name: 'shard',
    kind: 'string',
    placeholder: 'k/n',
    description: 'Check only shard k of n of the plugins (sorted by path), for CI matrix jobs.',
  },
  {
    name: 'only',
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
    kind: 'flag',
    description: `Property depth: ${DEPTHS.quick.description}.`,
  },
  {
    name: 'thorough',
    kind: 'flag',
    description: `Property depth: ${DEPTHS.thorough.description}.`,
  },
  {
    name: 'runs',
    kind: 'integer',
    placeholder: 'n',
    description: 'Cases per property rule, overriding the depth.',
  },
  {
    name: 'path',
    kind: 'string',
    placeholder: 'p',
    description:
      'Replay one counterexample: the fast-check path a failure printed (with its --seed).',
  },
  {
    name: 'export',
    kind: 'string',
    placeholder: 'names',
    description: 'Fuzz only these exports (comma-separated), e.g. process,tokenize.',
  },
  {
    name: 'list-rules',
    kind: 'flag',
    description: 'Print every rule with its level and description, then exit.',
  },
  {
    name: 'no-color',
    kind: 'flag',
    description: 'Plain text output (also when NO_COLOR is set or output is not a TTY).',
  },
  { name: 'version', kind: 'flag', description: 'Print the version and exit.' },
  { name: 'help', short: 'h', kind: 'flag', description: 'Print this help and exit.' },
];

export function optionTable(): OptionSpec[] {
  const limits: OptionSpec[] = loadSpec().limits.map((limit) => ({
    name: limit.option.replace(/^--/, ''),
    kind: 'integer',
    placeholder: limit.unit,
    default: String(limit.default),
    description: limit.description,
    limit: limit.name,
  }));
  return [...FIXED_OPTIONS, ...limits];
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

export function renderHelp(): string {
  return [
    'Usage: zenith-conform [options] <plugin.wasm...>',
    '       zenith-conform bench [options] <plugin.wasm...>   (benchmarks: see bench --help)',
    '',
    'Checks Zenith WebAssembly plugins against the plugin ABI spec (spec/ABI.md).',
    'Exit codes: 0 every must rule passed, 1 a must rule failed, 2 usage error or unreadable path.',
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
    kind: 'integer',
    placeholder: 'n',
    default: String(BENCH_DEFAULTS.seed),
    description: 'Seed of the generated inputs.',
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
      "Deadline for one plugin's whole bench; a plugin past it is stopped and reported as an error.",
  },
  {
    name: 'no-color',
    kind: 'flag',
    description: 'Plain text output (also when NO_COLOR is set or output is not a TTY).',
  },
  { name: 'help', short: 'h', kind: 'flag', description: 'Print this help and exit.' },
];

export function renderBenchHelp(): string {
  return [
    'Usage: zenith-conform bench [options] <plugin.wasm...>',
    '',
    'Benchmarks Zenith WebAssembly plugins: each export the spec describes, at each input size, timed',
    'with tinybench against a raw loop and plain JavaScript, plus a deterministic instruction count.',
    'Exit codes: 0 benchmarked and every gate passed, 1 a gate failed or a plugin trapped, hung or',
    'did not load, 2 usage error or unreadable path.',
    '',
    'Options:',
    ...optionRows(BENCH_OPTIONS, 38),
    '',
  ].join('\n');
}
