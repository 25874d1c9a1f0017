import type { ParamRole, StructSpec } from '../spec-model/abi-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';

/**
 * How to call an export, derived from its parameter roles in the spec: the property engine
 * never names an export, so adding one to the spec with known roles adds its fuzzing.
 */
export interface CallShape {
  exportName: string;
  roles: ParamRole[];
  /** capacity-cell: *output_len carries the capacity; derived: sizes follow from the params struct. */
  sizing: 'capacity-cell' | 'derived-from-params';
  /** Bytes per output element (1 for bytes, 4 for u32 ids). */
  elementBytes: number;
  params?: {
    struct: StructSpec;
    inputSize: SizeFormula;
    outputSize: SizeFormula;
  };
}

/** A product of struct fields and integers, e.g. `dst_width*dst_height*3`, evaluated exactly. */
export interface SizeFormula {
  text: string;
  evaluate(fields: Readonly<Record<string, number>>): bigint;
}

export function parseSizeFormula(text: string, struct: StructSpec): SizeFormula {
  const factors = text.split('*').map((factor) => factor.trim());
  for (const factor of factors) {
    if (!/^\d+$/.test(factor) && !struct.fields.some((field) => field.name === factor)) {
      throw new Error(
        `size formula ${text}: ${factor} is neither a number nor a ${struct.name} field`,
      );
    }
  }
  return {
    text,
    evaluate: (fields) =>
      factors.reduce(
        (product, factor) =>
          product * BigInt(/^\d+$/.test(factor) ? factor : (fields[factor] ?? 0)),
        1n,
      ),
  };
}

export function callShapeOf(index: SpecIndex, exportName: string): CallShape {
  const spec = index.export(exportName);
  const roles = (spec.params ?? []).map((param) => param.role);
  if (!spec.output) throw new Error(`spec export ${exportName} has no output description`);
  const shape: CallShape = {
    exportName,
    roles,
    sizing: spec.output.sizing,
    elementBytes: spec.output.elementBytes,
  };
  const paramsParam = spec.params?.find((param) => param.role === 'params-ptr');
  if (paramsParam) {
    const struct = index.structsByName.get(paramsParam.struct ?? '');
    if (!struct || !spec.input?.derivedSize || !spec.output.derivedSize) {
      throw new Error(`spec export ${exportName}: a params-ptr needs a struct and derived sizes`);
    }
    shape.params = {
      struct,
      inputSize: parseSizeFormula(spec.input.derivedSize, struct),
      outputSize: parseSizeFormula(spec.output.derivedSize, struct),
    };
  }
  return shape;
}

/** Exports the spec describes well enough to fuzz: those with an output description. */
export function callableExports(index: SpecIndex): string[] {
  return index.spec.exports
    .filter((entry) => entry.kind === 'function' && entry.output)
    .map((entry) => entry.name);
}

export function encodeStruct(
  struct: StructSpec,
  fields: Readonly<Record<string, number>>,
): Uint8Array {
  const bytes = new Uint8Array(struct.size);
  const view = new DataView(bytes.buffer);
  for (const field of struct.fields) {
    const value = fields[field.name] ?? 0;
    if (field.type === 'u8') view.setUint8(field.offset, value);
    else if (field.type === 'u16') view.setUint16(field.offset, value, true);
    else if (field.type === 'u32') view.setUint32(field.offset, value >>> 0, true);
    else view.setInt32(field.offset, value | 0, true);
  }
  return bytes;
}
