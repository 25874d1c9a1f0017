/* Generated from spec/abi.schema.json by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * A WebAssembly value type as written in the text format.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "WasmType".
 */
export type WasmType = 'i32' | 'i64' | 'f32' | 'f64';
/**
 * What a parameter means to the host; property checks are generated from these roles.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "ParamRole".
 */
export type ParamRole =
  | 'input-ptr'
  | 'input-len'
  | 'output-ptr'
  | 'output-len-cell'
  | 'params-ptr'
  | 'alloc-size'
  | 'dealloc-ptr'
  | 'dealloc-size'
  | 'log-ptr'
  | 'log-len';
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "ResultRole".
 */
export type ResultRole = 'return-code' | 'info-ptr' | 'version' | 'alloc-ptr';
/**
 * The limits the host enforces; each has exactly one entry in limits, with its default and CLI option.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "LimitName".
 */
export type LimitName =
  | 'maxBinaryBytes'
  | 'maxInitialPages'
  | 'maxInputBytes'
  | 'maxMemoryBytes'
  | 'maxLogBytesPerCall'
  | 'callTimeoutMs'
  | 'callTimeoutMsPerMiB';

/**
 * A machine-readable Zenith plugin ABI: value types, exports, structs, host imports, return codes, limits and rules.
 */
export interface ZenithAbiSpec {
  $schema?: string;
  abi: 'zenith-plugin';
  version: string;
  summary?: string;
  /**
   * @minItems 1
   */
  valueTypes: ValueType[];
  /**
   * @minItems 1
   */
  exports: ExportSpec[];
  structs: StructSpec[];
  imports: ImportSpec[];
  /**
   * @minItems 1
   */
  returnCodes: ReturnCode[];
  limits: Limit[];
  /**
   * @minItems 1
   */
  areas: Area[];
  /**
   * @minItems 1
   */
  rules: Rule[];
  profiles: Profile[];
  census: Census;
  edgeInputs: EdgeInputs;
}
/**
 * An ABI-level type and how it is carried in wasm.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "ValueType".
 */
export interface ValueType {
  name: string;
  wasm: WasmType;
  signedness?: 'signed' | 'unsigned';
  description: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "ExportSpec".
 */
export interface ExportSpec {
  name: string;
  kind: 'function' | 'memory';
  required: boolean;
  /**
   * The feature this export belongs to: core, lifecycle, allocator, tokenizer or resize.
   */
  profile?: string;
  description: string;
  params?: Param[];
  results?: Result[];
  output?: OutputSpec;
  /**
   * Exports that must be present whenever this one is.
   */
  requiresExports?: string[];
  input?: InputSpec;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Param".
 */
export interface Param {
  name: string;
  /**
   * A valueTypes name.
   */
  type: string;
  role: ParamRole;
  /**
   * For params-ptr: the structs entry it points to.
   */
  struct?: string;
  description?: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Result".
 */
export interface Result {
  type: string;
  role: ResultRole;
  /**
   * For info-ptr: the most bytes the text may take, NUL included.
   */
  maxBytes?: number;
  /**
   * For info-ptr: a regular expression the text must match.
   */
  pattern?: string;
  /**
   * For version: how the number is packed.
   */
  encoding?: string;
  /**
   * For info-ptr: the pattern in words, as messages and ABI.md state it.
   */
  patternDescription?: string;
}
/**
 * How an export's output buffer is sized and counted.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "OutputSpec".
 */
export interface OutputSpec {
  unit: 'byte' | 'u32';
  elementBytes: number;
  /**
   * capacity-cell: *output_len holds the capacity on entry and the count on return. derived-from-params: the output size follows from the params struct.
   */
  sizing: 'capacity-cell' | 'derived-from-params';
  /**
   * For derived-from-params: the size formula over struct fields, e.g. dst_width*dst_height*3.
   */
  derivedSize?: string;
}
/**
 * How an export's input size follows from its params struct, when it has no length parameter.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "InputSpec".
 */
export interface InputSpec {
  /**
   * The input size formula over params-struct fields, e.g. src_width*src_height*3.
   */
  derivedSize: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "StructSpec".
 */
export interface StructSpec {
  name: string;
  size: number;
  align: number;
  endianness: 'little';
  description?: string;
  /**
   * @minItems 1
   */
  fields: StructField[];
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "StructField".
 */
export interface StructField {
  name: string;
  type: 'u8' | 'u16' | 'u32' | 'i32';
  offset: number;
  description?: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "ImportSpec".
 */
export interface ImportSpec {
  module: string;
  name: string;
  params: WasmType[];
  results: WasmType[];
  description: string;
  /**
   * What the conformance host does when the plugin calls it.
   */
  hostBehaviour?: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "ReturnCode".
 */
export interface ReturnCode {
  value: number;
  name: string;
  description: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Limit".
 */
export interface Limit {
  name: LimitName;
  default: number;
  unit: 'bytes' | 'pages' | 'ms' | 'calls';
  option: string;
  description: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Area".
 */
export interface Area {
  code: string;
  title: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Rule".
 */
export interface Rule {
  id: string;
  level: 'must' | 'should';
  /**
   * static: reads the module without running it; runtime: calls fixed exports once; property: fuzzed calls.
   */
  kind: 'static' | 'runtime' | 'property';
  description: string;
  /**
   * Why the rule exists; what the guide left open.
   */
  rationale?: string;
  /**
   * Export names, host import names, or the features module, imports and exports that the rule is about.
   */
  appliesTo: string[];
  /**
   * The limits the host enforces; each has exactly one entry in limits, with its default and CLI option.
   */
  limit?:
    | 'maxBinaryBytes'
    | 'maxInitialPages'
    | 'maxInputBytes'
    | 'maxMemoryBytes'
    | 'maxLogBytesPerCall'
    | 'callTimeoutMs'
    | 'callTimeoutMsPerMiB';
  /**
   * Rules that must pass before this one can run; otherwise it is skipped.
   */
  dependsOn?: string[];
  /**
   * This rule is the one failed when any call to an export it applies to has to be stopped for this reason, whichever rule was running.
   */
  catches?: 'hang' | 'memory-bomb' | 'log-flood';
  /**
   * The rule checks a fact the plugin's own config declares (zenith-conform.config.json, a plugin entry's `fixtures` or `properties.<key>`); it runs only for plugins that declare it.
   */
  declaredBy?: {
    /**
     * The key in a plugin entry: `fixtures`, or a key of its `properties`.
     */
    key: string;
    /**
     * flag: `true`; value: the one string in `value`; path: a file or folder, relative to the config file; formula: a size relation such as `output <= 2 * input + 16`.
     */
    takes: 'flag' | 'value' | 'path' | 'formula';
    /**
     * For takes=value: the value that selects this rule (`output: utf8`).
     */
    value?: string;
    /**
     * What declaring it promises, for the config schema and the contract document.
     */
    meaning?: string;
  };
}
/**
 * A plugin kind the guide describes by example, recognised by an export it has.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  name: string;
  /**
   * The export whose presence marks the profile.
   */
  export: string;
  description: string;
  /**
   * Code points that separate words (Unicode White_Space, as Rust's split_whitespace).
   */
  whitespace?: number[];
  /**
   * How a word becomes its u32 id.
   */
  tokenId?: string;
  pixelBytes?: number;
  /**
   * How a destination pixel picks its source pixel.
   */
  sampling?: string;
  /**
   * What `process` takes for this profile: a header struct followed by a payload.
   */
  processInput?: {
    /**
     * A structs entry.
     */
    header: string;
    /**
     * The payload size formula over header fields.
     */
    then: string;
  };
  /**
   * What `process` writes for this profile.
   */
  processOutput?: string;
}
/**
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "Census".
 */
export interface Census {
  /**
   * Below this share of a fuzzed export's cases returning 0, a property rule warns that its checks barely ran.
   */
  minAcceptedPercent: number;
  description: string;
}
/**
 * Degenerate inputs each property rule on a byte-input export runs before its generated cases (or only the rules an input names).
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "EdgeInputs".
 */
export interface EdgeInputs {
  description: string;
  /**
   * @minItems 1
   */
  inputs: EdgeInput[];
}
/**
 * One edge input: its bytes as UTF-8 text or as hex, or a family of texts (exactly one of the three), and what it stands for.
 *
 * This interface was referenced by `ZenithAbiSpec`'s JSON-Schema
 * via the `definition` "EdgeInput".
 */
export interface EdgeInput {
  /**
   * What the input is, as a report shows it ("spaces only").
   */
  name: string;
  text?: string;
  hex?: string;
  /**
   * In place of text or hex: a family of inputs, one per text here, each run alone and named after the family and its text.
   *
   * @minItems 1
   */
  each?: string[];
  /**
   * Bytes: the text or hex repeated and cut to this length.
   */
  repeatTo?: number;
  /**
   * With repeatTo: text that follows the repeated part (a separator and another field after a long one).
   */
  after?: string;
  /**
   * With repeatTo: each repetition starts with its index in decimal (0, 1, 2...), so no two lines or first words are the same.
   */
  numbered?: boolean;
  /**
   * Only these rules run the input (absent: every rule that runs edge inputs), for an input too costly to run in all of them.
   *
   * @minItems 1
   */
  rules?: string[];
  /**
   * A placeholder in text: the input is run once for each printable punctuation byte the module compares with or holds as a one-byte string (at most three; a space when it has none), written in its place.
   */
  delimiter?: string;
}
