import type { StructSpec } from '../spec-model/abi-types.generated.js';

/** `src_width*src_height*3` -> fields and the constant factor. */
function factorsOf(formula: string): { fields: string[]; constant: bigint } {
  const fields: string[] = [];
  let constant = 1n;
  for (const factor of formula.split('*').map((part) => part.trim())) {
    if (/^\d+$/.test(factor)) constant *= BigInt(factor);
    else fields.push(factor);
  }
  return { fields, constant };
}

export function evaluateProduct(formula: string, fields: Record<string, number>): bigint {
  const { fields: names, constant } = factorsOf(formula);
  return names.reduce((product, name) => product * BigInt(fields[name] ?? 0), constant);
}

/**
 * Field values whose input formula gives close to (at most) `bytes`, as near-equal factors
 * (140x156 pixels for 64 KiB of RGB); the output formula's fields, paired with the input's in
 * order, get half of them rounded up (a 2x downscale).
 */
export function dimensionsFor(
  struct: StructSpec,
  inputFormula: string,
  outputFormula: string | undefined,
  bytes: number,
): Record<string, number> {
  const input = factorsOf(inputFormula);
  const target = Math.max(1, Math.floor(bytes / Number(input.constant)));
  const values = nearEqualFactors(target, input.fields.length);
  const fields: Record<string, number> = {};
  for (const field of struct.fields) fields[field.name] = 0;
  input.fields.forEach((name, i) => (fields[name] = values[i]!));
  if (outputFormula) {
    factorsOf(outputFormula).fields.forEach((name, i) => {
      if (!(name in fields) || input.fields.includes(name)) return;
      fields[name] = Math.max(1, Math.ceil((values[i] ?? 2) / 2));
    });
  }
  return fields;
}

/** `count` factors, each at least 1, whose product is as large as possible up to `target`. */
function nearEqualFactors(target: number, count: number): number[] {
  if (count === 0) return [];
  if (count === 1) return [target];
  if (count === 2) {
    let best = [1, target];
    const root = Math.floor(Math.sqrt(target));
    for (let w = root; w >= Math.max(1, Math.floor(root / 2)); w--) {
      const h = Math.floor(target / w);
      if (
        w * h > best[0]! * best[1]! ||
        (w * h === best[0]! * best[1]! && h - w < best[1]! - best[0]!)
      ) {
        best = [w, h];
      }
      if (w * h === target) break;
    }
    return best.sort((a, b) => a - b);
  }
  const side = Math.max(1, Math.floor(target ** (1 / count)));
  const rest = Math.max(1, Math.floor(target / side ** (count - 1)));
  return [...Array<number>(count - 1).fill(side), rest];
}

export function describeDimensions(
  fields: Record<string, number>,
  inputFormula: string,
  outputFormula: string | undefined,
): string {
  const show = (formula: string): string =>
    factorsOf(formula)
      .fields.map((name) => fields[name])
      .join('x');
  return outputFormula ? `${show(inputFormula)} to ${show(outputFormula)}` : show(inputFormula);
}
