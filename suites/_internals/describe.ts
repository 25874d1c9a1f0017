import { blocked, type CheckOutcome } from '../../src/check/outcome.js';
import type { CallOutcome } from '../../src/host/plugin-instance.js';
import type { FuncSignature } from '../../src/wasm/module-info.js';
import { formatSignature } from '../../src/spec-model/spec-index.js';

export const describeSignature = (signature: FuncSignature | undefined): string =>
  signature ? `function ${formatSignature(signature)}` : 'function of unknown type';

/** One line for what a call did, for the `found` side of a failure. */
export function describeOutcome(call: string, outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'returned':
      return `${call} returned ${outcome.value ?? 'nothing'}`;
    case 'trapped':
      return `${call} trapped (${outcome.message})${outcome.stderr ? `; stderr: ${outcome.stderr.trim()}` : ''}`;
    case 'stopped':
      return `${call} was stopped by the host: ${outcome.detail}`;
    case 'blocked':
      return `${call} was not called: ${outcome.reason}`;
  }
}

/**
 * A call the host refused (its export was stopped earlier in the run, or the instance trapped)
 * tells nothing about the rule asking: the rule is blocked, and the stop is judged by the rule
 * that owns it.
 */
export function refusedCall(call: string, outcome: CallOutcome): CheckOutcome | undefined {
  return outcome.kind === 'blocked' ? blocked(describeOutcome(call, outcome)) : undefined;
}

export const hex = (value: number): string => `0x${(value >>> 0).toString(16)}`;
