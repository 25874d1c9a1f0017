import { closestMatch } from './edit-distance.js';
import { UsageError } from './errors.js';

/**
 * Checks of option values shared by the library (`runConformance`, `runBench`) and the CLI: a
 * bad value is a UsageError naming the option as the caller spelled it (`seed` or `--seed`),
 * the value and what was expected, never a TypeError from deeper down.
 */

/** A value as a message shows it: `-5`, `"5" (a string)`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `${JSON.stringify(value)} (a string)`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  return typeof value === 'function' ? 'a function' : 'an object';
}

const bad = (message: string): UsageError => new UsageError('ZC_BAD_OPTION', message);

export function checkPositiveInteger(label: string, value: unknown, why = ''): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw bad(`${label} must be a positive integer${why}, got ${describeValue(value)}`);
  }
  return value;
}

export function checkNonNegativeInteger(label: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw bad(`${label} must be a non-negative integer, got ${describeValue(value)}`);
  }
  return value;
}

export function checkNonNegativeNumber(label: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw bad(`${label} must be a non-negative number, got ${describeValue(value)}`);
  }
  return value;
}

/** Seeds replay exactly only when they are safe integers: a rounded seed is another seed. */
export function checkSeed(label: string, value: unknown, orRandom = false): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw bad(
      `${label} must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}${orRandom ? ' or "random"' : ''}, got ${describeValue(value)}`,
    );
  }
  return value;
}

export function checkBoolean(label: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw bad(`${label} must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

export function checkString(label: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw bad(`${label} must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

export function checkFunction(label: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw bad(`${label} must be a function, got ${describeValue(value)}`);
  }
}

/** A list of names that must name something: an empty list leaves nothing to run. */
export function checkNameList(label: string, value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw bad(`${label} must be a list of ${what}, got ${describeValue(value)}`);
  }
  if (value.length === 0) throw bad(`${label} must name at least one ${what.replace(/s$/, '')}`);
  return value as string[];
}

/** An options object with no key the function does not know (a typo would be ignored silently). */
export function checkOptionsObject(
  label: string,
  value: unknown,
  known: readonly string[],
): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw bad(`${label} must be an object, got ${describeValue(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closestMatch(key, known);
    throw bad(
      `${label}: unknown option ${key}${guess ? ` (did you mean ${guess}?)` : ` (known: ${known.join(', ')})`}`,
    );
  }
  return value as Record<string, unknown>;
}

/** ` (did you mean X?)` for a name not in a list; else ` (otherwise)`, or the empty string. */
export function didYouMean(word: string, candidates: readonly string[], otherwise = ''): string {
  const guess = closestMatch(word, candidates);
  return guess ? ` (did you mean ${guess}?)` : otherwise ? ` (${otherwise})` : '';
}
