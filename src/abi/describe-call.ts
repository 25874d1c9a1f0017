import type { Placement } from './buffer-layout.js';
import { describeCapacity } from '../property/arbitraries/capacity.js';
import type { CallCase } from '../property/arbitraries/call-case.js';
import type { CaseRun } from './call-case.js';
import type { CallShape } from './call-shape.js';

const PREVIEW_BYTES = 48;

export function hexPreview(bytes: Uint8Array, count = PREVIEW_BYTES): string {
  const shown = Array.from(bytes.subarray(0, count), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join(' ');
  return bytes.length > count ? `${shown} …` : shown;
}

/** The input as text when it decodes, with control characters escaped; else a note. */
export function utf8Preview(bytes: Uint8Array, count = 80): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const json = JSON.stringify(text.length > count ? `${text.slice(0, count)}…` : text);
    return `UTF-8 ${json}`;
  } catch {
    return 'not valid UTF-8';
  }
}

export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'empty (0 bytes)';
  return `${bytes.length} bytes [${hexPreview(bytes)}] (${utf8Preview(bytes)})`;
}

export function describePlacement(placement: Placement): string {
  const offsets = Object.entries(placement.misalign)
    .filter(([, offset]) => offset !== 0)
    .map(([name, offset]) => `${name}+${offset}`);
  return `${placement.layout}${offsets.length ? `, misaligned ${offsets.join(' ')}` : ', 8-aligned'}`;
}

/** Every fact needed to understand and replay one generated call. */
export function describeCase(testCase: CallCase, run: CaseRun | undefined): string {
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
    const relative = ['exact', 'below', 'above'].includes(testCase.capacity.kind);
    if (relative && run.needed === undefined) {
      // The probe that learns the needed size did not succeed: the case ran with ample room.
      parts.push(`capacity: ${run.capacity} (ample; the needed size could not be learned)`);
    } else {
      const needed = run.needed === undefined ? '' : ` (needed ${run.needed})`;
      parts.push(
        `capacity: ${run.capacity}${needed}, chosen as ${describeCapacity(testCase.capacity)}`,
      );
    }
  }
  return parts.join('; ');
}

/** `process(0x110040, 12, 0x1100c8, 0x110008 -> 64)`: the call with the addresses used. */
export function describeCall(
  shape: CallShape,
  run: CaseRun | undefined,
  inputLength: number,
): string {
  if (!run) return `${shape.exportName}(...)`;
  const at = run.main.addresses;
  const hex = (value: number): string => `0x${value.toString(16)}`;
  const args = shape.roles.map((role) => {
    switch (role) {
      case 'input-ptr':
        return `input_ptr=${hex(at.input)}`;
      case 'input-len':
        return `input_len=${inputLength}`;
      case 'output-ptr':
        return `output_ptr=${hex(at.output)}`;
      case 'output-len-cell':
        return `output_len=${hex(at.cell)} (holding ${run.capacity ?? '?'})`;
      case 'params-ptr':
        return `params_ptr=${hex(at.params)}`;
      default:
        return role;
    }
  });
  return `${shape.exportName}(${args.join(', ')})`;
}
