import { parseArgs } from 'node:util';
import { UsageError } from '../util/errors.js';

export interface TableOption {
  name: string;
  short?: string;
  /** 'flag' takes no value; every other kind takes one, parsed by the caller. */
  kind: string;
}

export interface ParsedTable {
  positionals: string[];
  /** A flag's value: true when given. */
  flag: (name: string) => boolean;
  /** A valued option's text, when given. */
  text: (name: string) => string | undefined;
  /** A comma-separated option as a list, when given. */
  list: (name: string) => string[] | undefined;
}

/**
 * Parses argv against an options table (the same table --help is rendered from). A mistake
 * is a UsageError naming the option, not Node's message, which suggests `--` quoting.
 */
export function parseWithTable(
  argv: readonly string[],
  table: readonly TableOption[],
  helpCommand: string,
): ParsedTable {
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
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    const code = (error as { code?: string }).code;
    const message =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option ${option}`
        : (error as Error).message;
    throw new UsageError('ZC_BAD_OPTION', `${message} (see ${helpCommand})`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    positionals: parsed.positionals,
    flag: (name) => values[name] === true,
    text,
    list: (name) =>
      text(name)
        ?.split(',')
        .map((item) => item.trim())
        .filter(Boolean),
  };
}

/** A non-negative integer option value, or a UsageError naming the option and the value. */
export function integer(option: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `--${option} expects a non-negative integer, got ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
}
