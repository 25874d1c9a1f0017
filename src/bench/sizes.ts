import { UsageError } from '../util/errors.js';

export const DEFAULT_SIZES = [64, 1024, 64 * 1024, 1024 * 1024];

/** --quick: a small size and the one the harness-overhead target is stated at. */
export const QUICK_SIZES = [1024, 64 * 1024];

/**
 * The largest input the bench places: the input and an output with room to grow must fit one
 * wasm32 memory (4 GiB) beside the plugin's own, so a larger size could only fail to place.
 */
export const MAX_BENCH_SIZE = 2 ** 30;

/** Why a size cannot be benched, or undefined when it can. */
export function sizeProblem(option: string, size: number): string | undefined {
  return size > MAX_BENCH_SIZE
    ? `${option}: ${size} bytes is beyond what a wasm32 host can place (the input and its output share one 4 GiB memory): at most ${MAX_BENCH_SIZE} (1g)`
    : undefined;
}

/** A size as an option value: `64`, `64k`, `2m`, `1g` (the largest unit that divides it). */
export function sizeArgument(bytes: number): string {
  for (const [unit, factor] of [
    ['g', 2 ** 30],
    ['m', 2 ** 20],
    ['k', 1024],
  ] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return String(bytes);
}

/** The input size limit a bench enforces, and how its caller names things in messages. */
export interface InputLimit {
  maxInputBytes: number;
  /** True when the caller set it; otherwise it is the spec's default. */
  given: boolean;
  /** How to raise it: `--max-input-size` for the CLI, `maxInputBytes` for a JS caller. */
  option: string;
}

/**
 * Why an input of `size` bytes is beyond the input limit, or undefined when it is not: the
 * host passes no input above maxInputBytes, so the bench refuses it before starting instead of
 * spending minutes on it.
 */
export function inputLimitProblem(
  what: string,
  size: number,
  limit: InputLimit,
): string | undefined {
  if (size <= limit.maxInputBytes) return undefined;
  const origin = limit.given ? 'as given' : "the spec's default";
  const raise = limit.option.startsWith('--')
    ? `${limit.option} ${sizeArgument(size)}`
    : `${limit.option}: ${size}`;
  return `${what}: ${size} bytes is above the input size limit maxInputBytes (${limit.maxInputBytes} bytes, ${origin}): raise it with ${raise}`;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  m: 1024 * 1024,
  mib: 1024 * 1024,
  g: 2 ** 30,
  gib: 2 ** 30,
};

/** `64,1k,64k,1m` (k and m are binary: 1k = 1024 bytes). */
export function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((item) => {
    const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(item);
    const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
    const value = match && unit !== undefined ? Number(match[1]) * unit : NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new UsageError(
        'ZC_BAD_OPTION',
        `--sizes expects sizes like 64,1k,64k,1m (at least 1 byte each), got ${JSON.stringify(item.trim())}`,
      );
    }
    const problem = sizeProblem('--sizes', value);
    if (problem) throw new UsageError('ZC_BAD_OPTION', problem);
    return value;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}
