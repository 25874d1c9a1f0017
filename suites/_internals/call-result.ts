import type { CallCaseRun } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import type { CallOutcome, CallStats } from '../../src/host/plugin-instance.js';
import type { SpecIndex } from '../../src/spec-model/spec-index.js';
import { describeDifference, summarizeBytes } from '../../src/util/bytes-diff.js';

/** What one call produced, as rules that compare calls see it. */
export interface CallResult {
  outcome: CallOutcome;
  code: number | undefined;
  /** *output_len after the call, for exports with a capacity cell. */
  count: number | undefined;
  /** The output a successful call reports; nothing after an error code. */
  bytes: Uint8Array;
  /** Whether the call read the clock or random_get: a difference is then theirs. */
  nondeterministic: boolean;
}

export function callResultOf(run: CallCaseRun, shape: CallShape, stats: CallStats): CallResult {
  const outcome = run.main.outcome;
  const code = outcome.kind === 'returned' ? outcome.value : undefined;
  const count = run.main.cellAfter;
  const bytes =
    code !== 0
      ? new Uint8Array(0)
      : shape.sizing === 'capacity-cell'
        ? run.main.output.subarray(0, (count ?? 0) * shape.elementBytes)
        : run.main.output;
  return {
    outcome,
    code,
    count: code === 0 || code === -3 ? count : undefined,
    bytes,
    nondeterministic: stats.clockReads > 0 || stats.randomReads > 0,
  };
}

export const sameResult = (a: CallResult, b: CallResult): boolean =>
  a.code === b.code && a.count === b.count && Buffer.compare(a.bytes, b.bytes) === 0;

/** `returned 0 (Ok), *output_len 5: 5 bytes [68 65 6c 6c 6f]`. */
export function describeResult(result: CallResult, spec: SpecIndex): string {
  if (result.code === undefined) return `ended without a result (${result.outcome.kind})`;
  const name = spec.returnCodeName(result.code);
  const code = `returned ${result.code}${name ? ` (${name})` : ''}`;
  const count = result.count === undefined ? '' : `, *output_len ${result.count}`;
  return result.code === 0 ? `${code}${count}: ${summarizeBytes(result.bytes)}` : `${code}${count}`;
}

/** How two results differ: the codes and counts, and where their bytes part. */
export function describeResultDifference(expected: CallResult, found: CallResult): string {
  if (expected.code !== found.code) return `the return code differs`;
  if (expected.count !== found.count) return `*output_len differs`;
  return describeDifference(expected.bytes, found.bytes);
}
