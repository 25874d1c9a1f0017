/**
 * A small module editor: append types, functions, globals and exports, and map over function
 * bodies. Appends only ever go at the end of their index space (imports come first in every
 * space), so no existing index shifts and nothing that refers to one needs patching. Sections
 * the edits do not touch are copied through byte for byte.
 */
import {
  decodeFunctionBody,
  encodeFunctionBody,
  type FunctionBody,
  type Instruction,
  type LocalGroup,
  type ValueType,
} from './instructions.js';
import { valueTypeCode } from './immediates.js';
import { ByteReader, ByteWriter, WasmDecodeError } from './leb128.js';
import {
  assembleModule,
  findSection,
  makeSection,
  readCodeEntries,
  SectionId,
  setSection,
  splitSections,
  type ModuleSection,
} from './sections.js';

export type ExportKind = 'function' | 'table' | 'memory' | 'global' | 'tag';
const EXPORT_KINDS: readonly ExportKind[] = ['function', 'table', 'memory', 'global', 'tag'];

export interface MemoryType {
  readonly imported: boolean;
  readonly initialPages: number;
  readonly maximumPages: number | undefined;
  readonly shared: boolean;
  readonly memory64: boolean;
}

export interface BodyContext {
  readonly functionIndex: number;
  readonly locals: readonly LocalGroup[];
}

/** Return the same array to leave a body alone (it is then not even re-encoded). */
export type BodyMapper = (
  instructions: readonly Instruction[],
  context: BodyContext,
) => readonly Instruction[];

interface VectorSection {
  readonly count: number;
  readonly countLength: number;
  readonly entries: Uint8Array;
}

export class ModuleEditor {
  private sections: ModuleSection[];
  /** Imported entries per kind, the first indices of every index space. */
  readonly importCounts: Readonly<Record<ExportKind, number>>;
  readonly memories: readonly MemoryType[];

  constructor(private readonly original: Uint8Array) {
    this.sections = splitSections(original);
    const importSection = this.section(SectionId.import);
    const imports = readImports(importSection && this.reader(importSection));
    this.importCounts = imports.counts;
    const defined = this.section(SectionId.memory);
    const definedMemories: MemoryType[] = [];
    if (defined) {
      const reader = this.reader(defined);
      for (let count = reader.u32(); count > 0; count--) {
        definedMemories.push(readMemoryType(reader, false));
      }
    }
    this.memories = [...imports.memories, ...definedMemories];
  }

  /** Imported plus defined functions: the index the next appended function gets. */
  get functionCount(): number {
    return this.importCounts.function + this.vector(SectionId.function).count;
  }

  get globalCount(): number {
    return this.importCounts.global + this.vector(SectionId.global).count;
  }

  exportNames(): string[] {
    const section = this.section(SectionId.export);
    if (!section) return [];
    const reader = this.reader(section);
    return Array.from({ length: reader.u32() }, () => {
      const name = reader.name();
      reader.u8();
      reader.u32();
      return name;
    });
  }

  addFunctionType(params: readonly ValueType[], results: readonly ValueType[]): number {
    const { count, entries } = this.vector(SectionId.type);
    assertPlainFunctionTypes(count, entries);
    const entry = new ByteWriter().u8(0x60).u32(params.length);
    for (const type of params) entry.u8(valueTypeCode(type));
    entry.u32(results.length);
    for (const type of results) entry.u8(valueTypeCode(type));
    return this.append(SectionId.type, entry.finish());
  }

  /**
   * Appends a defined function. A body given as instructions (ending with the function's final
   * `end`) has no locals; raw bytes are the locals and expression without the size field.
   */
  addFunction(typeIndex: number, body: readonly Instruction[] | FunctionBody | Uint8Array): number {
    const bytes =
      body instanceof Uint8Array
        ? body
        : encodeFunctionBody(isInstructionList(body) ? { locals: [], instructions: body } : body);
    const index =
      this.importCounts.function + this.append(SectionId.function, encodeU32(typeIndex));
    this.append(SectionId.code, new ByteWriter().u32(bytes.length).bytes(bytes).finish());
    return index;
  }

  addMutableI32Global(initial: number): number {
    if (!Number.isInteger(initial) || initial < -(2 ** 31) || initial >= 2 ** 32) {
      throw new RangeError(`expected an i32 initial value, got ${initial}`);
    }
    const entry = new ByteWriter()
      .u8(0x7f)
      .u8(0x01)
      .u8(0x41)
      .s32(initial | 0)
      .u8(0x0b);
    return this.importCounts.global + this.append(SectionId.global, entry.finish());
  }

  addExport(name: string, kind: ExportKind, index: number): void {
    if (this.exportNames().includes(name)) {
      throw new RangeError(`cannot export '${name}': the module already exports that name`);
    }
    const entry = new ByteWriter().name(name).u8(EXPORT_KINDS.indexOf(kind)).u32(index);
    this.append(SectionId.export, entry.finish());
  }

  /**
   * Calls `mapper` on every function body in order and re-encodes the ones it changed. Throws a
   * WasmDecodeError, leaving the module as it was, if any body holds an instruction the decoder
   * does not know. Returns how many bodies changed.
   */
  mapFunctionBodies(mapper: BodyMapper): number {
    const code = this.section(SectionId.code);
    if (!code) return 0;
    // Original sections are decoded in place so offsets in errors are offsets in the module.
    const source = code.origin ? this.original : code.payload;
    const base = code.origin ? code.origin.payloadOffset : 0;
    const entries = readCodeEntries(source, base, base + code.payload.length);
    const pieces: Uint8Array[] = [];
    let changed = 0;
    entries.forEach((entry, definedIndex) => {
      const originalEntry = source.subarray(entry.entryStart, entry.end);
      const body = decodeFunctionBody(source, entry.start, entry.end);
      const context = {
        functionIndex: this.importCounts.function + definedIndex,
        locals: body.locals,
      };
      const mapped = mapper(body.instructions, context);
      const encoded =
        mapped === body.instructions
          ? undefined
          : encodeFunctionBody({ locals: body.locals, instructions: mapped });
      if (!encoded || sameBytes(encoded, source.subarray(entry.start, entry.end))) {
        pieces.push(originalEntry);
      } else {
        changed++;
        pieces.push(new ByteWriter().u32(encoded.length).bytes(encoded).finish());
      }
    });
    if (changed > 0) {
      const { count, countLength } = this.vector(SectionId.code);
      const payload = new ByteWriter().u32(count, countLength);
      for (const piece of pieces) payload.bytes(piece);
      this.sections = setSection(this.sections, makeSection(SectionId.code, payload.finish()));
    }
    return changed;
  }

  toBytes(): Uint8Array<ArrayBuffer> {
    return assembleModule(this.sections);
  }

  /** Reads sections still as they were in place, so offsets in errors are module offsets. */
  private reader(section: ModuleSection): ByteReader {
    const { origin, payload } = section;
    return origin
      ? new ByteReader(this.original, origin.payloadOffset, origin.payloadOffset + payload.length)
      : new ByteReader(payload);
  }

  private section(id: number): ModuleSection | undefined {
    return findSection(this.sections, id);
  }

  private vector(id: number): VectorSection {
    const section = this.section(id);
    if (!section) return { count: 0, countLength: 1, entries: new Uint8Array(0) };
    const reader = new ByteReader(section.payload);
    const count = reader.u32();
    return { count, countLength: reader.offset, entries: section.payload.subarray(reader.offset) };
  }

  /** Appends one entry to a vector section (creating it if needed); returns its position. */
  private append(id: number, entry: Uint8Array): number {
    const { count, countLength, entries } = this.vector(id);
    const payload = new ByteWriter()
      .u32(count + 1, countLength)
      .bytes(entries)
      .bytes(entry);
    this.sections = setSection(this.sections, makeSection(id, payload.finish()));
    return count;
  }
}

const encodeU32 = (value: number): Uint8Array => new ByteWriter().u32(value).finish();

const isInstructionList = (
  body: readonly Instruction[] | FunctionBody,
): body is readonly Instruction[] => Array.isArray(body);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** Reference and value types as they appear in imports, including typed references. */
function skipValueType(reader: ByteReader): void {
  const code = reader.u8();
  if (code === 0x63 || code === 0x64) reader.s33();
}

function readLimits(reader: ByteReader): { flags: number; initial: number; maximum?: number } {
  const flags = reader.u8();
  const initial = reader.u64Number();
  const maximum = flags & 0x01 ? reader.u64Number() : undefined;
  if (flags & 0x08) reader.u32(); // custom page size (log2)
  return maximum === undefined ? { flags, initial } : { flags, initial, maximum };
}

function readMemoryType(reader: ByteReader, imported: boolean): MemoryType {
  const { flags, initial, maximum } = readLimits(reader);
  return {
    imported,
    initialPages: initial,
    maximumPages: maximum,
    shared: (flags & 0x02) !== 0,
    memory64: (flags & 0x04) !== 0,
  };
}

function readImports(reader: ByteReader | undefined): {
  counts: Record<ExportKind, number>;
  memories: MemoryType[];
} {
  const counts: Record<ExportKind, number> = {
    function: 0,
    table: 0,
    memory: 0,
    global: 0,
    tag: 0,
  };
  const memories: MemoryType[] = [];
  if (!reader) return { counts, memories };
  for (let count = reader.u32(); count > 0; count--) {
    reader.name();
    reader.name();
    const kindAt = reader.offset;
    const kind = EXPORT_KINDS[reader.u8()];
    if (kind === 'function') reader.u32();
    else if (kind === 'table') {
      skipValueType(reader);
      readLimits(reader);
    } else if (kind === 'memory') memories.push(readMemoryType(reader, true));
    else if (kind === 'global') {
      skipValueType(reader);
      reader.u8();
    } else if (kind === 'tag') {
      reader.u8();
      reader.u32();
    } else {
      throw new WasmDecodeError('expected an import kind 0-4', kindAt);
    }
    counts[kind]++;
  }
  return { counts, memories };
}

/** Appending by count is only right when every entry is one function type (no GC rec groups). */
function assertPlainFunctionTypes(count: number, entries: Uint8Array): void {
  const reader = new ByteReader(entries);
  for (let index = 0; index < count; index++) {
    const at = reader.offset;
    const form = reader.u8();
    if (form !== 0x60) {
      throw new WasmDecodeError(
        `expected type entry ${index} to be a function type (0x60) but found form 0x${form.toString(16)} (GC types); offset within the type entries`,
        at,
      );
    }
    for (let params = reader.u32(); params > 0; params--) skipValueType(reader);
    for (let results = reader.u32(); results > 0; results--) skipValueType(reader);
  }
}
