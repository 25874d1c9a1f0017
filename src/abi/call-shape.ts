import type { ParamRole, StructSpec } from '../spec-model/abi-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { parseSizeFormula, type SizeFormula } from './size-formula.js';

/**
 * How to call an export, derived from its parameter roles in the spec: neither engine names an
 * export, so adding one to the spec with known roles adds its fuzzing and its benchmark.
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

/** Exports the spec describes well enough to call with generated buffers: those with an output. */
export function callableExports(index: SpecIndex): string[] {
  return index.exports
    .filter((entry) => entry.kind === 'function' && entry.output)
    .map((entry) => entry.name);
}

/** The parameter roles of an export in call order, for calls that are not fuzzed (canned runs). */
export function rolesOf(index: SpecIndex, exportName: string): ParamRole[] {
  return (index.export(exportName).params ?? []).map((param) => param.role);
}

export const hasCapacityCell = (shape: CallShape): boolean => shape.sizing === 'capacity-cell';
