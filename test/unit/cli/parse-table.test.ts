import { describe, expect, it } from 'vitest';
import { BENCH_OPTIONS, optionTable } from '../../../src/cli/options.js';
import { duration, parseWithTable } from '../../../src/cli/parse-table.js';
import { UsageError } from '../../../src/util/errors.js';

const table = optionTable();
const parse = (argv: string[]) => parseWithTable(argv, table, 'zenith-conform --help');
const message = (argv: string[]): string => {
  try {
    parse(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('parseWithTable', () => {
  it('reads a value that starts with a dash and a digit as the value, for its own check', () => {
    expect(parse(['--timeout', '-5', 'a.wasm']).text('timeout')).toBe('-5');
    expect(parse(['--timeout=-5']).text('timeout')).toBe('-5');
  });

  it('reads `-` as a plugin (stdin) and as the value of --junit', () => {
    expect(parse(['-']).positionals).toEqual(['-']);
    const parsed = parse(['--junit', '-', 'a.wasm']);
    expect(parsed.text('junit')).toBe('-');
    expect(parsed.positionals).toEqual(['a.wasm']);
  });

  it('takes everything after -- as plugins', () => {
    expect(parse(['--', '--json', '-x']).positionals).toEqual(['--json', '-x']);
  });

  it('knows short options: -h and -V', () => {
    expect(parse(['-h']).flag('help')).toBe(true);
    expect(parse(['-V']).flag('version')).toBe(true);
    expect(parseWithTable(['-V'], BENCH_OPTIONS, 'x').flag('version')).toBe(true);
  });

  it('tells which of --color and --no-color came last', () => {
    expect(parse(['a.wasm']).last('color', 'no-color')).toBeUndefined();
    expect(parse(['--color', '--no-color']).last('color', 'no-color')).toBe('no-color');
    expect(parse(['--no-color', '--color']).last('color', 'no-color')).toBe('color');
  });

  it.each([
    [['--jsn'], 'unknown option --jsn (did you mean --json?)'],
    [['--thorogh'], 'unknown option --thorogh (did you mean --thorough?)'],
    [['--frobnicate'], 'unknown option --frobnicate (see zenith-conform --help)'],
    [['--json=1'], '--json takes no value, got "--json=1"'],
    [['--timeout'], '--timeout needs <ms> (see zenith-conform --help)'],
    [['--timeout', '--json'], '--timeout needs <ms> (see zenith-conform --help)'],
    [['--junit='], '--junit needs <file>, got an empty value (see zenith-conform --help)'],
  ])('refuses %j: %s', (argv, text) => {
    expect(message(argv)).toBe(text);
  });

  it('refuses a list option that names nothing', () => {
    expect(() => parse(['--only', ' , ']).list('only')).toThrow('--only needs at least one name');
  });
});

describe('duration (--time)', () => {
  it('reads ms, s, m and h, and a bare number as seconds', () => {
    expect(duration('time', '500ms')).toBe(500);
    expect(duration('time', '30s')).toBe(30_000);
    expect(duration('time', '1.5m')).toBe(90_000);
    expect(duration('time', '2h')).toBe(7_200_000);
    expect(duration('time', '10')).toBe(10_000);
  });

  it('refuses what is not a positive duration, saying how to write one', () => {
    for (const text of ['0', '0s', '-5s', '5 minutes', 'abc', '']) {
      expect(() => duration('time', text)).toThrow(
        /--time must be a duration such as 30s, 5m or 1h/,
      );
    }
  });
});
