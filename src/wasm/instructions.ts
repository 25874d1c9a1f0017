/**
 * Decodes function bodies into instructions and encodes them back. Decoded instructions are
 * frozen and remember their exact original bytes, so an unmodified body re-encodes byte for
 * byte (padded LEBs included); to change one, build a new instruction (the spread of an old
 * one is a new object and is encoded afresh, minimally).
 */
import { ByteReader, ByteWriter, WasmDecodeError } from './leb128.js';
import { isPrefix, opcodeInfo, opcodesNamed } from './opcodes.js';
import {
  readImmediatesOfKind,
  readValueType,
  valueTypeCode,
  writeImmediates,
  type ImmediateKind,
  type Immediates,
  type ValueType,
} from './immediates.js';

export type { BlockType, Immediates, MemArg, RefType, ValueType } from './immediates.js';

export interface Instruction {
  /** Text-format name, e.g. 'memory.grow'. */
  readonly name: string;
  /** First byte; the prefix (0xfc, 0xfd, 0xfe) for prefixed instructions. */
  readonly opcode: number;
  /** The sub-opcode after a prefix byte. */
  readonly subOpcode?: number;
  readonly immediates: Immediates;
  /** Where a decoded instruction was: indexes into the bytes given to the decoder. */
  readonly range?: { readonly start: number; readonly end: number };
}

export interface LocalGroup {
  readonly count: number;
  readonly type: ValueType;
}

export interface FunctionBody {
  readonly locals: readonly LocalGroup[];
  /** Includes the final `end`. */
  readonly instructions: readonly Instruction[];
}

/** Original encodings, keyed by object identity so edited copies never inherit stale bytes. */
const originalBytes = new WeakMap<object, Uint8Array>();

const NO_IMMEDIATES: Immediates = Object.freeze({ kind: 'none' });

const describeOpcode = (opcode: number, subOpcode?: number): string =>
  `0x${opcode.toString(16).padStart(2, '0')}` +
  (subOpcode === undefined ? '' : ` ${subOpcode} (0x${subOpcode.toString(16)})`);

/** Decodes the body (locals and expression, without its size field) in `bytes[start, end)`. */
export function decodeFunctionBody(bytes: Uint8Array, start = 0, end = bytes.length): FunctionBody {
  const reader = new ByteReader(bytes, start, end);
  const locals: LocalGroup[] = [];
  for (let groups = reader.u32(); groups > 0; groups--) {
    const count = reader.u32();
    locals.push(Object.freeze({ count, type: readValueType(reader) }));
  }
  Object.freeze(locals);
  originalBytes.set(locals, bytes.subarray(start, reader.offset));
  const instructions = decodeExpressionFrom(reader);
  if (!reader.atEnd) {
    throw new WasmDecodeError(
      `expected the function body to stop after its final end (${end - reader.offset} bytes remain)`,
      reader.offset,
    );
  }
  return { locals, instructions };
}

/**
 * Decodes an expression (a constant expression in a global, element or data segment) starting
 * at `start`, up to and including its `end`; returns where it stopped.
 */
export function decodeExpression(
  bytes: Uint8Array,
  start: number,
  end = bytes.length,
): { instructions: Instruction[]; end: number } {
  const reader = new ByteReader(bytes, start, end);
  const instructions = decodeExpressionFrom(reader);
  return { instructions, end: reader.offset };
}

function decodeExpressionFrom(reader: ByteReader): Instruction[] {
  const instructions: Instruction[] = [];
  let depth = 0;
  for (;;) {
    if (reader.atEnd) {
      throw new WasmDecodeError(`expected ${depth + 1} more end instructions`, reader.offset);
    }
    const instruction = readInstruction(reader);
    instructions.push(instruction);
    const { opcode } = instruction;
    if (opcode === 0x02 || opcode === 0x03 || opcode === 0x04 || opcode === 0x06) depth++;
    else if (opcode === 0x0b || opcode === 0x18) {
      // `delegate` closes a `try` in place of `end`.
      if (depth === 0) {
        if (opcode === 0x18) throw new WasmDecodeError('delegate outside a try', reader.offset);
        return instructions;
      }
      depth--;
    }
  }
}

function readInstruction(reader: ByteReader): Instruction {
  const start = reader.offset;
  const opcode = reader.u8();
  const subOpcode = isPrefix(opcode) ? reader.u32() : undefined;
  const info = opcodeInfo(opcode, subOpcode);
  if (!info) {
    throw new WasmDecodeError(`unknown opcode ${describeOpcode(opcode, subOpcode)}`, start);
  }
  const immediates =
    info.immediate === 'none' ? NO_IMMEDIATES : readImmediates(reader, info.immediate);
  const range = Object.freeze({ start, end: reader.offset });
  const instruction: Instruction = Object.freeze(
    subOpcode === undefined
      ? { name: info.name, opcode, immediates, range }
      : { name: info.name, opcode, subOpcode, immediates, range },
  );
  originalBytes.set(instruction, reader.bytes.subarray(start, reader.offset));
  return instruction;
}

function readImmediates(reader: ByteReader, kind: ImmediateKind): Immediates {
  return deepFreeze(readImmediatesOfKind(reader, kind));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Builds an instruction from its text-format name. `select` with a `selectTypes` immediate is
 * the typed select (0x1c).
 */
export function instruction(name: string, immediates: Immediates = NO_IMMEDIATES): Instruction {
  const candidates = opcodesNamed(name);
  const info =
    candidates.find((candidate) => immediateKindOf(candidate.immediate) === immediates.kind) ??
    candidates[0];
  if (!info) throw new RangeError(`unknown instruction name '${name}'`);
  const checked = { name, opcode: info.opcode, immediates };
  const built: Instruction =
    info.subOpcode === undefined ? checked : { ...checked, subOpcode: info.subOpcode };
  checkImmediates(built);
  return built;
}

const immediateKindOf = (kind: ImmediateKind): Immediates['kind'] =>
  kind === 'zeroByte' ? 'none' : kind;

function checkImmediates(instruction: Instruction): ImmediateKind {
  const info = opcodeInfo(instruction.opcode, instruction.subOpcode);
  if (!info) {
    throw new RangeError(
      `cannot encode ${instruction.name}: unknown opcode ${describeOpcode(instruction.opcode, instruction.subOpcode)}`,
    );
  }
  if (immediateKindOf(info.immediate) !== instruction.immediates.kind) {
    throw new RangeError(
      `cannot encode ${info.name}: expected ${immediateKindOf(info.immediate)} immediates, got ${instruction.immediates.kind}`,
    );
  }
  return info.immediate;
}

export function writeInstruction(writer: ByteWriter, instruction: Instruction): void {
  const original = originalBytes.get(instruction);
  if (original) {
    writer.bytes(original);
    return;
  }
  const kind = checkImmediates(instruction);
  writer.u8(instruction.opcode);
  if (instruction.subOpcode !== undefined) writer.u32(instruction.subOpcode);
  writeImmediates(writer, kind, instruction.immediates);
}

export function encodeInstructions(instructions: readonly Instruction[]): Uint8Array<ArrayBuffer> {
  const writer = new ByteWriter();
  for (const instruction of instructions) writeInstruction(writer, instruction);
  return writer.finish();
}

/**
 * Encodes a body without its size field. Refuses an instruction list whose blocks do not close
 * exactly at its last instruction, since that would produce a module no engine loads.
 */
export function encodeFunctionBody(body: FunctionBody): Uint8Array<ArrayBuffer> {
  checkBlockStructure(body.instructions);
  const writer = new ByteWriter();
  const originalLocals = originalBytes.get(body.locals);
  if (originalLocals) writer.bytes(originalLocals);
  else {
    writer.u32(body.locals.length);
    for (const { count, type } of body.locals) writer.u32(count).u8(valueTypeCode(type));
  }
  for (const instruction of body.instructions) writeInstruction(writer, instruction);
  return writer.finish();
}

function checkBlockStructure(instructions: readonly Instruction[]): void {
  let depth = 0;
  instructions.forEach(({ opcode, name }, index) => {
    if (depth < 0) {
      throw new RangeError(`instruction ${index} (${name}) follows the function's final end`);
    }
    if (opcode === 0x02 || opcode === 0x03 || opcode === 0x04 || opcode === 0x06) depth++;
    else if (opcode === 0x0b || opcode === 0x18) depth--;
  });
  if (depth !== -1) {
    throw new RangeError(
      `expected the instructions to close every block and end the function, but ${depth + 1} end(s) are missing`,
    );
  }
}
