import type {
  Area,
  Census,
  EdgeInput,
  ExportSpec,
  ImportSpec,
  Limit,
  Profile,
  ReturnCode,
  Rule,
  StructSpec,
  ZenithAbiSpec,
} from './abi-types.generated.js';
import { repeatBytes } from '../util/repeat-bytes.js';

/**
 * The spec with lookups, so checks ask the spec instead of restating it. The document's lists
 * are exposed as they are (`spec.rules`, `spec.profiles`); `document` is the parsed JSON itself.
 */
/** One edge input as bytes; `rules`, when set, are the only rules that run it. */
export interface EdgeInputBytes {
  name: string;
  bytes: Uint8Array;
  rules?: readonly string[];
  /** For an input run once per delimiter of the module: where in `bytes` the delimiter goes. */
  delimiterAt?: number;
}

export class SpecIndex {
  readonly abi: string;
  readonly version: string;
  readonly rules: readonly Rule[];
  readonly exports: readonly ExportSpec[];
  readonly imports: readonly ImportSpec[];
  readonly structs: readonly StructSpec[];
  readonly profiles: readonly Profile[];
  readonly returnCodes: readonly ReturnCode[];
  readonly areas: readonly Area[];
  readonly census: Census;
  /** The limit entries (name, default, unit, option); resolved values come from limits.ts. */
  readonly limitEntries: readonly Limit[];
  readonly rulesById: ReadonlyMap<string, Rule>;
  readonly exportsByName: ReadonlyMap<string, ExportSpec>;
  readonly structsByName: ReadonlyMap<string, StructSpec>;

  constructor(readonly document: ZenithAbiSpec) {
    this.abi = document.abi;
    this.version = document.version;
    this.rules = document.rules;
    this.exports = document.exports;
    this.imports = document.imports;
    this.structs = document.structs;
    this.profiles = document.profiles;
    this.returnCodes = document.returnCodes;
    this.areas = document.areas;
    this.census = document.census;
    this.limitEntries = document.limits;
    this.rulesById = new Map(document.rules.map((rule) => [rule.id, rule]));
    this.exportsByName = new Map(document.exports.map((entry) => [entry.name, entry]));
    this.structsByName = new Map(document.structs.map((struct) => [struct.name, struct]));
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
    return this.imports.find((entry) => entry.module === module && entry.name === name);
  }

  /** The whitespace of the spec's text profile: what separates words in every text input. */
  textWhitespace(): readonly number[] {
    const found = this.profiles.find((profile) => profile.whitespace)?.whitespace;
    if (!found) throw new Error('the spec has no profile with a whitespace set');
    return found;
  }

  /**
   * The spec's edge inputs as bytes, in spec order, with the rules an input is kept for (none:
   * every rule that runs edge inputs). Built once: every property rule asks.
   */
  edgeInputs(): readonly EdgeInputBytes[] {
    this.edgeInputBytes ??= this.document.edgeInputs.inputs.flatMap((input): EdgeInputBytes[] =>
      input.each === undefined ? [this.edgeInputBytesOf(input)] : this.edgeFamily(input),
    );
    return this.edgeInputBytes;
  }

  /** A family of edge inputs: one per text, each alone, named after the family and its text. */
  private edgeFamily(input: EdgeInput): EdgeInputBytes[] {
    if (input.text !== undefined || input.hex !== undefined || input.repeatTo !== undefined) {
      throw new Error(`edge input ${input.name}: each stands alone, without text, hex or repeatTo`);
    }
    return input.each!.map((text) => {
      const { each: _family, ...one } = input;
      return this.edgeInputBytesOf({ ...one, name: `${input.name}: ${text}`, text });
    });
  }

  private edgeInputBytesOf(input: EdgeInput): EdgeInputBytes {
    if ((input.text === undefined) === (input.hex === undefined)) {
      throw new Error(`edge input ${input.name}: give exactly one of text, hex and each`);
    }
    const unit =
      input.text !== undefined
        ? new TextEncoder().encode(input.text)
        : Uint8Array.from(input.hex!.match(/../g)!, (pair) => parseInt(pair, 16));
    for (const id of input.rules ?? []) {
      if (!this.rulesById.has(id)) {
        throw new Error(`edge input ${input.name}: no rule ${id} in the spec`);
      }
    }
    const rules = input.rules ? { rules: input.rules } : {};
    if (input.delimiter !== undefined) {
      const [before, after, ...more] = (input.text ?? '').split(input.delimiter);
      if (after === undefined || more.length > 0 || input.repeatTo !== undefined) {
        throw new Error(
          `edge input ${input.name}: a delimiter needs text holding it once, and no repeatTo`,
        );
      }
      const encoder = new TextEncoder();
      const head = encoder.encode(before);
      const bytes = Uint8Array.from([...head, ...encoder.encode(after)]);
      return { name: input.name, bytes, delimiterAt: head.length, ...rules };
    }
    if (input.repeatTo === undefined) return { name: input.name, bytes: unit, ...rules };
    if (unit.length === 0) throw new Error(`edge input ${input.name}: nothing to repeat`);
    const bytes = repeatTo(unit, input.repeatTo, input.numbered ?? false);
    if (input.after !== undefined) {
      const after = new TextEncoder().encode(input.after);
      const joined = new Uint8Array(bytes.length + after.length);
      joined.set(bytes);
      joined.set(after, bytes.length);
      return { name: input.name, bytes: joined, ...rules };
    }
    return { name: input.name, bytes, ...rules };
  }

  private edgeInputBytes: readonly EdgeInputBytes[] | undefined;

  areaTitle(code: string): string {
    return this.areas.find((area) => area.code === code)?.title ?? code;
  }

  returnCodeName(value: number): string | undefined {
    return this.returnCodes.find((code) => code.value === value)?.name;
  }

  /** The wasm signature of an export, e.g. `(i32, i32, i32, i32) -> i32`. */
  wasmSignature(spec: ExportSpec): { params: string[]; results: string[] } {
    const wasmOf = (typeName: string): string => {
      const found = this.document.valueTypes.find((type) => type.name === typeName);
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

/**
 * `unit` repeated to `length` bytes (the last copy cut short), each copy after its index in
 * decimal when `numbered`. Built by doubling copies, not byte by byte: the spec's 1 MiB inputs
 * are built in every worker of every run, and a loop of a million small arrays cost seconds.
 */
function repeatTo(unit: Uint8Array, length: number, numbered: boolean): Uint8Array {
  return numbered ? repeatNumbered(unit, length) : repeatBytes(unit, length);
}

/**
 * Copies of `unit`, each after its index in decimal, to `length` bytes. The numeral is kept as
 * ASCII digits and counted up in place: a string and a subarray per copy made the 165669 lines
 * of the 1 MiB input a few percent of a small plugin's whole run.
 */
function repeatNumbered(unit: Uint8Array, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const ZERO = 0x30;
  const NINE = 0x39;
  const digits = [ZERO];
  for (let at = 0; at < length;) {
    for (let d = 0; d < digits.length && at < length; d++) bytes[at++] = digits[d]!;
    for (let u = 0; u < unit.length && at < length; u++) bytes[at++] = unit[u]!;
    let carry = digits.length - 1;
    while (carry >= 0 && digits[carry] === NINE) digits[carry--] = ZERO;
    if (carry < 0) digits.unshift(ZERO + 1);
    else digits[carry]!++;
  }
  return bytes;
}
