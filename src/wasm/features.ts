import { decodeFunctionBody, type Instruction } from './instructions.js';
import { ByteReader, WasmDecodeError } from './leb128.js';
import { SectionId, readCodeEntries, splitSections } from './sections.js';

/**
 * WebAssembly proposals a module may use beyond what every engine runs. When the engine
 * rejects a module, these say whether it is broken or only newer than the engine: a
 * spec-valid module the engine cannot compile gets "cannot check", not "not a valid module".
 */
export type WasmFeature =
  | 'multi-memory'
  | 'memory64'
  | 'extended-const'
  | 'gc'
  | 'function-references'
  | 'exception-handling'
  | 'exnref'
  | 'tail-call'
  | 'simd'
  | 'relaxed-simd'
  | 'threads';

const CONSTANT_OPCODES = new Set([0x41, 0x42, 0x43, 0x44, 0x23, 0xd0, 0xd2, 0x0b]);
const EXTENDED_CONSTANT_OPCODES = new Set([0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e]);

/** The features a module uses, as far as its sections and code show them; never throws. */
export function featuresUsed(bytes: Uint8Array): Set<WasmFeature> {
  const used = new Set<WasmFeature>();
  let sections;
  try {
    sections = splitSections(bytes);
  } catch {
    return used;
  }
  let memories = 0;
  const memoryFlags = (flags: number): void => {
    memories++;
    if (flags & 0x04) used.add('memory64');
    if (flags & 0x02) used.add('threads');
  };
  for (const section of sections) {
    const reader = new ByteReader(section.payload);
    try {
      if (section.id === SectionId.type) scanTypes(reader, used);
      else if (section.id === SectionId.import) scanImports(reader, used, memoryFlags);
      else if (section.id === SectionId.memory) {
        for (let count = reader.u32(); count > 0; count--) {
          const flags = reader.u8();
          memoryFlags(flags);
          reader.u32();
          if (flags & 0x01) reader.u32();
        }
      } else if (section.id === 13) used.add('exception-handling');
      else if (section.id === SectionId.global || section.id === SectionId.data) {
        scanConstantExpressions(section.payload, used);
      } else if (section.id === SectionId.code) scanCode(section.payload, used);
    } catch {
      // A section this scan cannot read says nothing more; the rest still counts.
    }
  }
  if (memories > 1) used.add('multi-memory');
  return used;
}

function scanTypes(reader: ByteReader, used: Set<WasmFeature>): void {
  for (let count = reader.u32(); count > 0; count--) {
    const form = reader.u8();
    if (form !== 0x60) {
      // struct (0x5f), array (0x5e), rec groups (0x4e), subtypes (0x50, 0x4f)
      used.add('gc');
      return;
    }
    for (const list of [reader.u32(), -1]) {
      const length = list === -1 ? reader.u32() : list;
      for (let i = 0; i < length; i++) {
        const type = reader.u8();
        if (type === 0x63 || type === 0x64) {
          used.add('function-references');
          return;
        }
      }
    }
  }
}

function scanImports(
  reader: ByteReader,
  used: Set<WasmFeature>,
  memoryFlags: (flags: number) => void,
): void {
  for (let count = reader.u32(); count > 0; count--) {
    reader.name();
    reader.name();
    const kind = reader.u8();
    if (kind === 0x00) reader.u32();
    else if (kind === 0x01) {
      reader.u8();
      const flags = reader.u8();
      reader.u32();
      if (flags & 0x01) reader.u32();
    } else if (kind === 0x02) {
      const flags = reader.u8();
      memoryFlags(flags);
      reader.u32();
      if (flags & 0x01) reader.u32();
    } else if (kind === 0x03) {
      reader.u8();
      reader.u8();
    } else if (kind === 0x04) {
      used.add('exception-handling');
      reader.u8();
      reader.u32();
    }
  }
}

/** Arithmetic in a constant expression (a global's value, a segment's offset): extended-const. */
function scanConstantExpressions(payload: Uint8Array, used: Set<WasmFeature>): void {
  // A cheap over-approximation: an add/sub/mul right before a constant expression's `end`
  // only appears in extended constant expressions; the engine's own verdict stays decisive.
  for (let i = 1; i < payload.length; i++) {
    if (payload[i] !== 0x0b) continue;
    const before = payload[i - 1]!;
    if (EXTENDED_CONSTANT_OPCODES.has(before) && !CONSTANT_OPCODES.has(before)) {
      used.add('extended-const');
      return;
    }
  }
}

function scanCode(payload: Uint8Array, used: Set<WasmFeature>): void {
  for (const entry of readCodeEntries(payload)) {
    try {
      const { instructions } = decodeFunctionBody(payload, entry.start, entry.end);
      for (const instruction of instructions) noteInstruction(instruction, used);
    } catch (error) {
      // An opcode the decoder does not know: its prefix says which proposal it is from.
      if (error instanceof WasmDecodeError) noteUnknownOpcode(payload, error.offset, used);
    }
  }
}

function noteInstruction(instruction: Instruction, used: Set<WasmFeature>): void {
  const { opcode, subOpcode, immediates } = instruction;
  if (opcode === 0x12 || opcode === 0x13) used.add('tail-call');
  else if ([0x06, 0x07, 0x08, 0x09, 0x18, 0x19].includes(opcode)) used.add('exception-handling');
  else if (opcode === 0xfd) used.add((subOpcode ?? 0) >= 0x100 ? 'relaxed-simd' : 'simd');
  else if (opcode === 0xfe) used.add('threads');
  if (
    (immediates.kind === 'memarg' || immediates.kind === 'memargLane') &&
    immediates.memarg.memory !== 0
  ) {
    used.add('multi-memory');
  }
}

function noteUnknownOpcode(payload: Uint8Array, offset: number, used: Set<WasmFeature>): void {
  const opcode = payload[offset];
  if (opcode === 0xfb) used.add('gc');
  else if (
    opcode === 0x14 ||
    opcode === 0x15 ||
    (opcode !== undefined && opcode >= 0xd3 && opcode <= 0xd6)
  ) {
    used.add('function-references');
  } else if (opcode === 0x1f || opcode === 0x0a) used.add('exnref');
  else if (opcode === 0xfd) used.add('relaxed-simd');
}

/** The smallest module that needs each feature: what the engine accepts is what it supports. */
const section = (id: number, payload: number[]): number[] => [id, payload.length, ...payload];
const moduleOf = (...sections: number[][]): Uint8Array =>
  new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...sections.flat()]);
const functionOf = (body: number[]): Uint8Array =>
  moduleOf(
    section(1, [1, 0x60, 0, 0]),
    section(3, [1, 0]),
    section(10, [1, body.length + 1, 0, ...body]),
  );
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

const PROBES: Record<WasmFeature, Uint8Array> = {
  'multi-memory': moduleOf(section(5, [2, 0, 1, 0, 1])),
  memory64: moduleOf(section(5, [1, 4, 1])),
  'extended-const': moduleOf(section(6, [1, 0x7f, 0, 0x41, 1, 0x41, 2, 0x6a, 0x0b])),
  gc: moduleOf(section(1, [1, 0x5f, 1, 0x7f, 0])),
  'function-references': moduleOf(section(1, [1, 0x60, 1, 0x64, 0x70, 0])),
  'exception-handling': moduleOf(section(1, [1, 0x60, 0, 0]), section(13, [1, 0, 0])),
  exnref: functionOf([0x1f, 0x40, 0, 0x0b, 0x0b]),
  'tail-call': functionOf([0x12, 0, 0x0b]),
  simd: functionOf([...V128_ZERO, 0x1a, 0x0b]),
  'relaxed-simd': functionOf([...V128_ZERO, ...V128_ZERO, 0xfd, 0x80, 0x02, 0x1a, 0x0b]),
  threads: moduleOf(section(5, [1, 3, 1, 1])),
};

const support = new Map<WasmFeature, boolean>();

export function engineSupports(feature: WasmFeature): boolean {
  let known = support.get(feature);
  if (known === undefined) {
    known = WebAssembly.validate(PROBES[feature] as Uint8Array<ArrayBuffer>);
    support.set(feature, known);
  }
  return known;
}

/** The features a module uses that this engine cannot run, in a stable order. */
export function unsupportedFeatures(bytes: Uint8Array): WasmFeature[] {
  return [...featuresUsed(bytes)].filter((feature) => !engineSupports(feature)).sort();
}
