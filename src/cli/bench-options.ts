import { BENCH_DEFAULTS } from '../bench/run-bench.js';

/**
 * The one table of `zenith-conform bench` options: its parser, `bench --help` and the README's
 * bench section are generated from it.
 */
export interface BenchOptionSpec {
  name: string;
  short?: string;
  kind: 'flag' | 'string' | 'integer' | 'number';
  placeholder?: string;
  default?: string;
  description: string;
}

export const BENCH_OPTIONS: readonly BenchOptionSpec[] = [
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
  const rows = BENCH_OPTIONS.map((option) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.placeholder ? ` <${option.placeholder}>` : ''}`;
    const text =
      option.default === undefined
        ? option.description
        : `${option.description} (default: ${option.default})`;
    return `  ${flag.padEnd(38)} ${text}`;
  });
  return [
    'Usage: zenith-conform bench [options] <plugin.wasm...>',
    '',
    'Benchmarks Zenith WebAssembly plugins: each export the spec describes, at each input size, timed',
    'with tinybench against a raw loop and plain JavaScript, plus a deterministic instruction count.',
    'Exit codes: 0 benchmarked and every gate passed, 1 a gate failed or a plugin trapped, hung or',
    'did not load, 2 usage error or unreadable path.',
    '',
    'Options:',
    ...rows,
    '',
  ].join('\n');
}
