/**
 * A report (or any part of one) without what depends on the clock: every `durationMs` and
 * `elapsedMs`, and the CPU time a stopped call had used when the supervisor saw it ("after
 * 330 ms" in a hang's message). Two runs of the same plugin and seed are equal this way
 * whatever the machine's load and whatever --jobs.
 */
export function withoutTimings(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/after \d+ ms/g, 'after N ms');
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'durationMs' && key !== 'elapsedMs')
      .map(([key, inner]) => [key, withoutTimings(inner)]),
  );
}
