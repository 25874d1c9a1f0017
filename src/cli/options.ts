import { DEPTHS } from '../property/depth.js';
import { DEFAULT_SEED } from '../runner/run-conformance.js';
import { loadSpec } from '../spec-model/load-spec.js';

/**
 * The one table of CLI options: the parser, --help and the README's CLI reference are all
 * generated from it. Limit options come from the spec's limits, so a new limit is a new flag.
 */
export interface OptionSpec {
  name: string;
  short?: string;
  kind: 'flag' | 'string' | 'integer';
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

export function renderHelp(): string {
  const rows = optionTable().map((option) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.placeholder ? ` <${option.placeholder}>` : ''}`;
    const text =
      option.default === undefined
        ? option.description
        : `${option.description} (default: ${option.default})`;
    return `  ${flag.padEnd(34)} ${text}`;
  });
  return [
    'Usage: zenith-conform [options] <plugin.wasm...>',
    '       zenith-conform bench [options] <plugin.wasm...>   (benchmarks: see bench --help)',
    '',
    'Checks Zenith WebAssembly plugins against the plugin ABI spec (spec/ABI.md).',
    'Exit codes: 0 every must rule passed, 1 a must rule failed, 2 usage error or unreadable path.',
    '',
    'Options:',
    ...rows,
    '',
  ].join('\n');
}
