import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/option-checks.js';

export interface TableOption {
  name: string;
  short?: string;
  /** 'flag' takes no value; every other kind takes one, parsed by the caller. */
  kind: string;
  placeholder?: string;
}

export interface ParsedTable {
  positionals: string[];
  /** A flag's value: true when given. */
  flag: (name: string) => boolean;
  /** A valued option's text, when given (the last one when given twice). */
  text: (name: string) => string | undefined;
  /** A comma-separated option as a list, when given; a list with no names is a usage error. */
  list: (name: string) => string[] | undefined;
  /** Like list, for an option that may also be repeated: every occurrence, in order. */
  repeatedList: (name: string) => string[] | undefined;
  /** Of two opposite flags (`--color`, `--no-color`), which one came last, if either did. */
  last: (first: string, second: string) => string | undefined;
}

const bad = (message: string): UsageError => new UsageError('ZC_BAD_OPTION', message);

/**
 * Parses argv against an options table (the same table --help is rendered from). Written here
 * rather than with node:util's parseArgs so that every mistake is our own one-line message
 * naming the option (with a suggestion for a typo), and so that a value such as `-5` is read
 * as the option's value, for the option's own check to refuse it by name.
 */
export function parseWithTable(
  argv: readonly string[],
  table: readonly TableOption[],
  helpCommand: string,
): ParsedTable {
  const byName = new Map(table.map((option) => [option.name, option]));
  const byShort = new Map(
    table.flatMap((option) => (option.short ? [[option.short, option] as const] : [])),
  );
  const values = new Map<string, string | true>();
  const every = new Map<string, string[]>();
  const order: string[] = [];
  const positionals: string[] = [];
  const unknown = (flag: string, name: string): UsageError => {
    const hint = didYouMean(
      `--${name}`,
      [...byName.keys()].map((known) => `--${known}`),
    );
    return bad(`unknown option ${flag}${hint || ` (see ${helpCommand})`}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let option: TableOption | undefined;
    let inline: string | undefined;
    let flag: string;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      if (equals !== -1) inline = arg.slice(equals + 1);
      flag = `--${name}`;
      option = byName.get(name);
      if (!option) throw unknown(flag, name);
    } else {
      flag = arg;
      option = arg.length === 2 ? byShort.get(arg.slice(1)) : undefined;
      if (!option) throw unknown(arg, arg.slice(1));
    }
    if (option.kind === 'flag') {
      if (inline !== undefined) throw bad(`${flag} takes no value, got ${JSON.stringify(arg)}`);
      values.set(option.name, true);
    } else {
      let value = inline;
      if (value === undefined) {
        const next = argv[i + 1];
        // `--timeout -5` is a value for --timeout to refuse, `--junit -` means stdout;
        // `--timeout --json` forgot the value.
        if (next !== undefined && (!next.startsWith('-') || next === '-' || /^-\d/.test(next))) {
          value = next;
          i++;
        }
      }
      if (value === undefined || value === '') {
        const wanted = option.placeholder ? ` <${option.placeholder}>` : ' a value';
        const got = value === '' ? ', got an empty value' : '';
        throw bad(`--${option.name} needs${wanted}${got} (see ${helpCommand})`);
      }
      values.set(option.name, value);
      every.set(option.name, [...(every.get(option.name) ?? []), value]);
    }
    order.push(option.name);
  }
  const text = (name: string): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const splitList = (name: string, raw: string): string[] => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    if (items.length === 0) {
      throw bad(`--${name} needs at least one name, got ${JSON.stringify(raw)}`);
    }
    return items;
  };
  return {
    positionals,
    flag: (name) => values.get(name) === true,
    text,
    list: (name) => {
      const raw = text(name);
      return raw === undefined ? undefined : splitList(name, raw);
    },
    repeatedList: (name) => {
      const given = every.get(name);
      return given === undefined ? undefined : given.flatMap((raw) => splitList(name, raw));
    },
    last: (first, second) => {
      const a = order.lastIndexOf(first);
      const b = order.lastIndexOf(second);
      if (a === -1 && b === -1) return undefined;
      return a > b ? first : second;
    },
  };
}

/**
 * An integer option's text as a number, for the option's own range check; a text that is not
 * an integer, or one too large to be exact, is refused here with the text as given.
 */
export function integer(option: string, text: string, expected = 'a positive integer'): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    const tooLarge = /^-?\d+$/.test(text) && !expected.includes(String(Number.MAX_SAFE_INTEGER));
    const range = tooLarge ? ` no larger than ${Number.MAX_SAFE_INTEGER}` : '';
    throw bad(`--${option} must be ${expected}${range}, got ${JSON.stringify(text)}`);
  }
  return value;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  kib: 1024,
  m: 2 ** 20,
  mib: 2 ** 20,
  g: 2 ** 30,
  gib: 2 ** 30,
};

/** A size in bytes: `65536`, `64k`, `256m`, `1g` (k, m and g are binary: 1k = 1024). */
export function byteSize(option: string, text: string): number {
  const match = /^(-?\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? BYTE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw bad(
      `--${option} must be a positive size in bytes, such as 65536, 64k, 256m or 1g, got ${JSON.stringify(text)}`,
    );
  }
  return integer(option, String(Number(match[1]) * unit));
}

/** A number option's text (`5`, `2.5`) as a number, for the option's own range check. */
export function decimal(option: string, text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw bad(`--${option} must be a non-negative number, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration in milliseconds: `30s`, `5m`, `1h`, `1.5m`, `500ms`; a bare number is seconds. */
export function duration(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  const ms = match ? Number(match[1]) * DURATION_UNITS[(match[2] ?? 's').toLowerCase()]! : NaN;
  if (!match || !(ms >= 1) || !Number.isSafeInteger(Math.round(ms))) {
    throw bad(
      `--${option} must be a duration such as 30s, 5m or 1h (a bare number is seconds), got ${JSON.stringify(text)}`,
    );
  }
  return Math.round(ms);
}

/** A seed: `random`, or an integer the run's own check bounds (0 to 2^53-1). */
export function seedText(option: string, text: string): number | 'random' {
  if (text === 'random') return 'random';
  return integer(option, text, `an integer from 0 to ${Number.MAX_SAFE_INTEGER} or "random"`);
}
