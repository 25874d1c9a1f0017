import type { StructSpec } from '../spec-model/abi-types.generated.js';

/**
 * A size the spec writes as a product of struct fields and integers, e.g.
 * `dst_width*dst_height*3`, evaluated exactly (as a bigint: the product of u32 fields is how a
 * plugin overflows, so the host must see the true value).
 */
export interface SizeFormula {
  text: string;
  /** The field names in the order they appear, and the product of the integer factors. */
  factors: { fields: readonly string[]; constant: bigint };
  evaluate(fields: Readonly<Record<string, number>>): bigint;
}

export function parseSizeFormula(text: string, struct?: StructSpec): SizeFormula {
  const fields: string[] = [];
  let constant = 1n;
  for (const factor of text.split('*').map((part) => part.trim())) {
    if (/^\d+$/.test(factor)) {
      constant *= BigInt(factor);
    } else if (!struct || struct.fields.some((field) => field.name === factor)) {
      fields.push(factor);
    } else {
      throw new Error(
        `size formula ${text}: ${factor} is neither a number nor a ${struct.name} field`,
      );
    }
  }
  return {
    text,
    factors: { fields, constant },
    evaluate: (values) =>
      fields.reduce((product, name) => product * BigInt(values[name] ?? 0), constant),
  };
}
