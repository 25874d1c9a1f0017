import type { CallShape } from './call-shape.js';

/**
 * The capacity written into *output_len, relative to what the call needs (learned from a probe
 * call with ample room): none, below, exactly, above, or ample.
 */
export type CapacityChoice =
  | { kind: 'ample' }
  | { kind: 'zero' }
  | { kind: 'exact' }
  | { kind: 'below'; fraction: number }
  | { kind: 'above'; extra: number }
  /** `by` elements less than needed (0 at least): the room one element short of the output. */
  | { kind: 'short'; by: number }
  /** A count the plugin named (a retry with the *output_len a -3 gave). */
  | { kind: 'named'; elements: number };

/** Room generous enough for a plugin that expands its input a little. */
export function ampleCapacity(shape: CallShape, inputLength: number): number {
  return shape.elementBytes === 1 ? inputLength * 2 + 256 : inputLength + 16;
}

/** Capacity in elements for a choice, given the needed count (undefined when unknown). */
export function resolveCapacity(
  choice: CapacityChoice,
  needed: number | undefined,
  ample: number,
): number {
  if (choice.kind === 'zero') return 0;
  if (choice.kind === 'named') return choice.elements;
  if (needed === undefined || choice.kind === 'ample') return ample;
  if (choice.kind === 'exact') return needed;
  if (choice.kind === 'above') return needed + choice.extra;
  if (choice.kind === 'short') return Math.max(0, needed - choice.by);
  return Math.floor(needed * choice.fraction);
}

/** Choices that are relative to the needed size, which a probe call must learn first. */
export const needsProbe = (choice: CapacityChoice): boolean =>
  choice.kind === 'exact' ||
  choice.kind === 'below' ||
  choice.kind === 'above' ||
  choice.kind === 'short';

export function describeCapacity(choice: CapacityChoice): string {
  switch (choice.kind) {
    case 'below':
      return `below the needed size (${Math.round(choice.fraction * 100)}% of it)`;
    case 'above':
      return `the needed size + ${choice.extra}`;
    case 'short':
      return `${choice.by} less than the needed size`;
    case 'exact':
      return 'exactly the needed size';
    case 'zero':
      return '0';
    case 'ample':
      return 'ample';
    case 'named':
      return `${choice.elements}, as the plugin named it`;
  }
}
