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

export const hex = (value: number): string => `0x${(value >>> 0).toString(16)}`;
