import { describeBytes } from '../util/bytes-text.js';
import { argumentsFor } from './arguments.js';
import type { Placement } from './buffer-layout.js';
import type { CallCase, CallCaseRun } from './call-case.js';
import type { CallShape } from './call-shape.js';
import { describeCapacity, needsProbe } from './capacity.js';

export function describePlacement(placement: Placement): string {
  const offsets = Object.entries(placement.misalign)
    .filter(([, offset]) => offset !== 0)
    .map(([name, offset]) => `${name}+${offset}`);
  return `${placement.layout}${offsets.length ? `, misaligned ${offsets.join(' ')}` : ', 8-aligned'}`;
}

/** Every fact needed to understand and replay one generated call. */
export function describeCase(testCase: CallCase, run: CallCaseRun | undefined): string {
  const parts = [`input: ${describeBytes(testCase.input)}`];
  if (testCase.fields) {
    parts.push(
      `params: ${Object.entries(testCase.fields)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')}`,
    );
  }
  parts.push(`placement: ${describePlacement(testCase.placement)}`);
  if (run?.capacity !== undefined) {
    if (needsProbe(testCase.capacity) && run.needed === undefined) {
      // The probe that learns the needed size did not succeed: the case ran with ample room.
      parts.push(`capacity: ${run.capacity} (ample; the needed size could not be learned)`);
    } else if (
      run.needed === 0 &&
      (testCase.capacity.kind === 'below' || testCase.capacity.kind === 'short')
    ) {
      // Nothing is below an empty output: the case ran at exactly the needed size.
      parts.push(`capacity: 0 (needed 0: the output is empty, so no capacity is below it)`);
    } else {
      const needed = run.needed === undefined ? '' : ` (needed ${run.needed})`;
      parts.push(
        `capacity: ${run.capacity}${needed}, chosen as ${describeCapacity(testCase.capacity)}`,
      );
    }
  }
  return parts.join('; ');
}

const hex = (value: number): string => `0x${value.toString(16)}`;

/** `process(input_ptr=0x110040, input_len=12, ...)`: the call with the addresses used. */
export function describeCall(
  shape: CallShape,
  run: CallCaseRun | undefined,
  inputLength: number,
): string {
  if (!run) return `${shape.exportName}(...)`;
  const values = argumentsFor(shape.roles, run.main.addresses, inputLength);
  const args = shape.roles.map((role, i) => {
    const value = values[i]!;
    switch (role) {
      case 'input-ptr':
        return `input_ptr=${hex(value)}`;
      case 'input-len':
        return `input_len=${value}`;
      case 'output-ptr':
        return `output_ptr=${hex(value)}`;
      case 'output-len-cell':
        return `output_len=${hex(value)} (holding ${run.capacity ?? '?'})`;
      case 'params-ptr':
        return `params_ptr=${hex(value)}`;
      default:
        return role;
    }
  });
  return `${shape.exportName}(${args.join(', ')})`;
}
