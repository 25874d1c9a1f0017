/**
 * Reads what the static rules need from a module's type, import, function, memory, export and
 * start sections. Node 20's WebAssembly.Module.exports() gives names and kinds but no
 * signatures or memory limits, hence this reader. It runs only on bytes the engine has already
 * validated, so it only needs to be correct, not forgiving; it still bounds-checks every read.
 */
export type ValueTypeName = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';
export type ExternKind = 'function' | 'table' | 'memory' | 'global' | 'tag';

export interface FuncSignature {
  params: ValueTypeName[];
  results: ValueTypeName[];
}

export interface MemoryLimits {
  initialPages: number;
  maximumPages: number | undefined;
  shared: boolean;
  memory64: boolean;
}

export interface ModuleImport {
  module: string;
  name: string;
  kind: ExternKind;
  /** For function imports. */
  signature?: FuncSignature | undefined;
  /** For memory imports. */
  memory?: MemoryLimits | undefined;
  /** For global imports. */
  global?: { type: ValueTypeName; mutable: boolean } | undefined;
  /** For table imports. */
  table?: { elementType: ValueTypeName; limits: MemoryLimits } | undefined;
}

export interface ModuleExport {
  name: string;
  kind: ExternKind;
  /** The index in its kind's index space (imported functions first, as wasm counts them). */
  index: number;
  /** For function exports. */
  signature?: FuncSignature | undefined;
  /** For memory exports. */
  memory?: MemoryLimits | undefined;
  /** For memory exports: whether the memory is imported rather than defined. */
  importedMemory?: boolean | undefined;
}

export interface ModuleInfo {
  imports: ModuleImport[];
  exports: ModuleExport[];
  /** Memories the module defines itself (not imported ones). */
  definedMemories: MemoryLimits[];
  hasStartSection: boolean;
  customSections: string[];
}

export class WasmFormatError extends Error {
  readonly code = 'ZC_WASM_FORMAT';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte offset ${offset}`);
  }
}

const VALUE_TYPES: Record<number, ValueTypeName> = {
  0x7f: 'i32',
  0x7e: 'i64',
  0x7d: 'f32',
  0x7c: 'f64',
  0x7b: 'v128',
  0x70: 'funcref',
  0x6f: 'externref',
};

const EXTERN_KINDS: ExternKind[] = ['function', 'table', 'memory', 'global', 'tag'];

class ByteReader {
  offset: number;
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.offset = start;
  }

  byte(): number {
    if (this.offset >= this.end)
      throw new WasmFormatError('unexpected end of section', this.offset);
    return this.bytes[this.offset++] as number;
  }

  /** Unsigned LEB128; values above 2^53 are not meaningful for this reader and are rejected. */
  uleb(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.byte();
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) {
        if (!Number.isSafeInteger(result)) {
          throw new WasmFormatError('LEB128 value too large', this.offset);
        }
        return result;
      }
      scale *= 128;
    }
    throw new WasmFormatError('LEB128 value longer than 10 bytes', this.offset);
  }

  name(): string {
    const length = this.uleb();
    if (this.offset + length > this.end) {
      throw new WasmFormatError('name runs past the end of its section', this.offset);
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(
      this.bytes.subarray(this.offset, this.offset + length),
    );
    this.offset += length;
    return text;
  }

  valueType(): ValueTypeName {
    const at = this.offset;
    const code = this.byte();
    const type = VALUE_TYPES[code];
    if (!type) throw new WasmFormatError(`unsupported value type 0x${code.toString(16)}`, at);
    return type;
  }

  limits(): MemoryLimits {
    const flags = this.byte();
    const initialPages = this.uleb();
    const maximumPages = flags & 0x01 ? this.uleb() : undefined;
    return {
      initialPages,
      maximumPages,
      shared: (flags & 0x02) !== 0,
      memory64: (flags & 0x04) !== 0,
    };
  }
}

function readFuncType(reader: ByteReader): FuncSignature {
  const at = reader.offset;
  const form = reader.byte();
  if (form !== 0x60) {
    throw new WasmFormatError(`type form 0x${form.toString(16)} is not a plain function type`, at);
  }
  const params = Array.from({ length: reader.uleb() }, () => reader.valueType());
  const results = Array.from({ length: reader.uleb() }, () => reader.valueType());
  return { params, results };
}

export function readModuleInfo(bytes: Uint8Array): ModuleInfo {
  if (bytes.length < 8) throw new WasmFormatError('shorter than the 8-byte header', 0);
  const header = new ByteReader(bytes, 0, bytes.length);
  header.offset = 8;

  const types: FuncSignature[] = [];
  const functionTypes: number[] = []; // function index space -> type index
  const memories: Array<{ limits: MemoryLimits; imported: boolean }> = [];
  const info: ModuleInfo = {
    imports: [],
    exports: [],
    definedMemories: [],
    hasStartSection: false,
    customSections: [],
  };
  const rawExports: Array<{ name: string; kind: ExternKind; index: number }> = [];

  while (header.offset < bytes.length) {
    const id = header.byte();
    const size = header.uleb();
    const start = header.offset;
    const end = start + size;
    if (end > bytes.length) throw new WasmFormatError(`section ${id} runs past the end`, start);
    const reader = new ByteReader(bytes, start, end);
    switch (id) {
      case 0:
        info.customSections.push(reader.name());
        break;
      case 1:
        for (let count = reader.uleb(); count > 0; count--) types.push(readFuncType(reader));
        break;
      case 2:
        for (let count = reader.uleb(); count > 0; count--) {
          const module = reader.name();
          const name = reader.name();
          const kindAt = reader.offset;
          const kind = EXTERN_KINDS[reader.byte()];
          if (!kind) throw new WasmFormatError('unknown import kind', kindAt);
          const entry: ModuleImport = { module, name, kind };
          if (kind === 'function') {
            const typeIndex = reader.uleb();
            functionTypes.push(typeIndex);
            entry.signature = types[typeIndex];
          } else if (kind === 'table') {
            entry.table = { elementType: reader.valueType(), limits: reader.limits() };
          } else if (kind === 'memory') {
            entry.memory = reader.limits();
            memories.push({ limits: entry.memory, imported: true });
          } else if (kind === 'global') {
            entry.global = { type: reader.valueType(), mutable: reader.byte() === 1 };
          } else {
            reader.byte();
            reader.uleb();
          }
          info.imports.push(entry);
        }
        break;
      case 3:
        for (let count = reader.uleb(); count > 0; count--) functionTypes.push(reader.uleb());
        break;
      case 5:
        for (let count = reader.uleb(); count > 0; count--) {
          const limits = reader.limits();
          memories.push({ limits, imported: false });
          info.definedMemories.push(limits);
        }
        break;
      case 7:
        for (let count = reader.uleb(); count > 0; count--) {
          const name = reader.name();
          const kindAt = reader.offset;
          const kind = EXTERN_KINDS[reader.byte()];
          if (!kind) throw new WasmFormatError('unknown export kind', kindAt);
          rawExports.push({ name, kind, index: reader.uleb() });
        }
        break;
      case 8:
        info.hasStartSection = true;
        break;
      default:
        break;
    }
    header.offset = end;
  }

  for (const { name, kind, index } of rawExports) {
    const entry: ModuleExport = { name, kind, index };
    if (kind === 'function') {
      const typeIndex = functionTypes[index];
      entry.signature = typeIndex === undefined ? undefined : types[typeIndex];
    } else if (kind === 'memory') {
      entry.memory = memories[index]?.limits;
      entry.importedMemory = memories[index]?.imported;
    }
    info.exports.push(entry);
  }
  return info;
}
