import type { ExternKind, MemoryLimits } from '../wasm/module-info.js';
import type { Producers } from '../wasm/producers.js';

/** What `zenith-conform inspect` (and `inspectPlugin`) tells about a module without running it. */
export type InspectResult =
  | { ok: true; report: InspectReport }
  | { ok: false; source: string; code: string; message: string };

export interface InspectReport {
  source: string;
  sizeBytes: number;
  sha256: string;
  /** Whether this engine (Node's V8) compiles the module; the sections are read either way. */
  compiles: boolean;
  exports: InspectedExport[];
  /** Exports the spec names that the module lacks, required first. */
  missingExports: Array<{ name: string; required: boolean; profile: string }>;
  imports: InspectedImport[];
  memory: InspectedMemory[];
  pluginInfo: StaticPluginInfo;
  strings: { shown: DataString[]; total: number };
  customSections: Array<{ name: string; bytes: number }>;
  /** The producers section: languages, compilers (processed-by) and SDKs, when present. */
  producers?: Producers;
  /** Every rule, with whether its gate would let it run on this module, and why not. */
  rules: RuleApplicability[];
}

export interface InspectedExport {
  name: string;
  kind: ExternKind;
  /** A function's wasm signature, `(i32, i32) -> i32`. */
  signature?: string;
  /** The spec's entry for this name, when it has one. */
  spec?: {
    profile: string;
    required: boolean;
    description: string;
    /** Parameter names with their ABI roles, `input_ptr: input-ptr`. */
    params: Array<{ name: string; role: string }>;
    results: string[];
    /** Kind and signature as the spec has them. */
    matches: boolean;
    expected?: string;
  };
}

export interface InspectedImport {
  module: string;
  name: string;
  kind: ExternKind;
  signature?: string;
  /** Whether the host offers it (the spec's import allowlist), and with this signature. */
  offered: boolean;
  matches?: boolean;
  expected?: string;
  description?: string;
}

export interface InspectedMemory extends MemoryLimits {
  /** The export name, when exported. */
  exportedAs?: string;
  imported: boolean;
}

export type StaticPluginInfo =
  | {
      found: true;
      text: string;
      address: number;
      /**
       * constant: plugin_info's body is one i32.const; scanned: a constant in its body, or in a
       * function it calls, points at the string.
       */
      how: 'constant' | 'scanned';
    }
  | { found: false; reason: string };

export interface DataString {
  /** The address in memory, when the segment's offset is a constant. */
  address?: number;
  text: string;
  /** The string was longer than shown. */
  cut?: boolean;
}

export interface RuleApplicability {
  id: string;
  level: 'must' | 'should';
  status: 'applies' | 'not-applicable' | 'blocked';
  reason?: string;
}
