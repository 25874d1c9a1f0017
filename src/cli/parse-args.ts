import { parseArgs } from 'node:util';
import { UsageError } from '../runner/errors.js';
import { DEFAULT_SEED } from '../runner/run-conformance.js';
import { optionTable } from './options.js';

export interface CliArgs {
  plugins: string[];
  json: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
  color: boolean | undefined;
  only: string[] | undefined;
  seed: number | 'random';
  limits: Record<string, number>;
}

function integer(option: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `--${option} expects a non-negative integer, got ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const table = optionTable();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        table.map((option) => [
          option.name,
          {
            type: option.kind === 'flag' ? ('boolean' as const) : ('string' as const),
            ...(option.short ? { short: option.short } : {}),
          },
        ]),
      ),
    });
  } catch (error) {
    throw new UsageError('ZC_BAD_OPTION', `${(error as Error).message} (see --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const limits: Record<string, number> = {};
  for (const option of table) {
    const value = text(option.name);
    if (option.limit && value !== undefined) limits[option.limit] = integer(option.name, value);
  }
  const seedText = text('seed');
  return {
    plugins: parsed.positionals,
    json: values['json'] === true,
    listRules: values['list-rules'] === true,
    help: values['help'] === true,
    version: values['version'] === true,
    color: values['no-color'] === true ? false : undefined,
    only: text('only')
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    seed:
      seedText === undefined
        ? DEFAULT_SEED
        : seedText === 'random'
          ? 'random'
          : integer('seed', seedText),
    limits,
  };
}
