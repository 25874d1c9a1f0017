import type {
  ExportSpec,
  ImportSpec,
  Rule,
  StructSpec,
  ZenithAbiSpec,
} from './abi-types.generated.js';

/** Lookups over the spec, so checks ask the spec instead of restating it. */
export class SpecIndex {
  readonly rulesById: ReadonlyMap<string, Rule>;
  readonly exportsByName: ReadonlyMap<string, ExportSpec>;
  readonly structsByName: ReadonlyMap<string, StructSpec>;

  constructor(readonly spec: ZenithAbiSpec) {
    this.rulesById = new Map(spec.rules.map((rule) => [rule.id, rule]));
    this.exportsByName = new Map(spec.exports.map((spec) => [spec.name, spec]));
    this.structsByName = new Map(spec.structs.map((struct) => [struct.name, struct]));
  }

  rule(id: string): Rule {
    const rule = this.rulesById.get(id);
    if (!rule) throw new Error(`no rule ${id} in the spec`);
    return rule;
  }

  export(name: string): ExportSpec {
    const spec = this.exportsByName.get(name);
    if (!spec) throw new Error(`no export ${name} in the spec`);
    return spec;
  }

  offeredImport(module: string, name: string): ImportSpec | undefined {
    return this.spec.imports.find((entry) => entry.module === module && entry.name === name);
  }

  limitDefaults(): Record<string, number> {
    return Object.fromEntries(this.spec.limits.map((limit) => [limit.name, limit.default]));
  }

  areaTitle(code: string): string {
    return this.spec.areas.find((area) => area.code === code)?.title ?? code;
  }

  returnCodeName(value: number): string | undefined {
    return this.spec.returnCodes.find((code) => code.value === value)?.name;
  }

  /** The wasm signature of an export, e.g. `(i32, i32, i32, i32) -> i32`. */
  wasmSignature(spec: ExportSpec): { params: string[]; results: string[] } {
    const wasmOf = (typeName: string): string => {
      const found = this.spec.valueTypes.find((type) => type.name === typeName);
      if (!found) throw new Error(`spec export ${spec.name} uses unknown type ${typeName}`);
      return found.wasm;
    };
    return {
      params: (spec.params ?? []).map((param) => wasmOf(param.type)),
      results: (spec.results ?? []).map((result) => wasmOf(result.type)),
    };
  }
}

export function areaOfRule(id: string): string {
  const match = /^ZC-([A-Z]+)-\d{3}$/.exec(id);
  if (!match?.[1]) throw new Error(`malformed rule id ${id}`);
  return match[1];
}

export function formatSignature(signature: { params: string[]; results: string[] }): string {
  const results = signature.results.length === 0 ? '()' : signature.results.join(', ');
  return `(${signature.params.join(', ')}) -> ${results}`;
}
