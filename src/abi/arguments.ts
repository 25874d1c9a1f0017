import type { ParamRole } from '../spec-model/abi-types.generated.js';

/** Where the host put each buffer of one call, as absolute addresses in plugin memory. */
export interface BufferAddresses {
  input: number;
  output: number;
  cell: number;
  params: number;
}

/**
 * The export's arguments in call order, from the spec's parameter roles: the one place that
 * knows which buffer address or length goes where, for guarded, resident and described calls.
 */
export function argumentsFor(
  roles: readonly ParamRole[],
  at: BufferAddresses,
  inputLength: number,
): number[] {
  return roles.map((role) => {
    switch (role) {
      case 'input-ptr':
        return at.input;
      case 'input-len':
        return inputLength;
      case 'output-ptr':
        return at.output;
      case 'output-len-cell':
        return at.cell;
      case 'params-ptr':
        return at.params;
      default:
        throw new Error(`no host buffer fills a parameter with role ${role}`);
    }
  });
}
