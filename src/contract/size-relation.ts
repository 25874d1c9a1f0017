import { UsageError } from '../util/errors.js';

/** A declared `size`: output length against a linear function of the input length. */
export interface SizeRelation {
  relation: '<=' | '==' | '>=';
  factor: number;
  offset: number;
  text: string;
}

// `output <= 2 * input + 16`, `output == input`, `output <= 64`. A half is written `0.5 * input`
// rather than `input / 2`, so that the grammar stays one line.
const RELATION =
  /^\s*output\s*(<=|==|=|>=)\s*(?:(\d+(?:\.\d+)?)\s*\*\s*)?(input)?\s*(?:([+-])?\s*(\d+))?\s*$/;

/** Parses a declared size relation; a text outside the grammar is a usage error naming it. */
export function parseSizeRelation(text: string, where: string): SizeRelation {
  const match = RELATION.exec(text);
  const [, op, factorText, input, sign, offsetText] = match ?? [];
  const malformed =
    !match ||
    (!input && factorText !== undefined) ||
    (!input && (offsetText === undefined || sign !== undefined)) ||
    (input !== undefined && offsetText !== undefined && sign === undefined);
  if (malformed) {
    throw new UsageError(
      'ZC_BAD_CONFIG',
      `${where}: size ${JSON.stringify(text)} is not a size relation: write output <= a * input + b (or ==, >=), e.g. "output <= 2 * input + 16"`,
    );
  }
  const factor = input ? Number(factorText ?? 1) : 0;
  const offset = offsetText === undefined ? 0 : Number(offsetText) * (sign === '-' ? -1 : 1);
  return { relation: op === '=' ? '==' : (op as SizeRelation['relation']), factor, offset, text };
}

/** The bound for an input length (rounded down, as a byte count is whole). */
export const sizeBound = (relation: SizeRelation, inputLength: number): number =>
  Math.floor(relation.factor * inputLength + relation.offset);

export function obeys(relation: SizeRelation, inputLength: number, outputLength: number): boolean {
  const bound = sizeBound(relation, inputLength);
  return relation.relation === '<='
    ? outputLength <= bound
    : relation.relation === '>='
      ? outputLength >= bound
      : outputLength === bound;
}
