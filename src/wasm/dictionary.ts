/**
 * Harvests a fuzzing dictionary from a module the way coverage fuzzers do: strings from data
 * segments (the literals a parser matches against), the literals the code names by address and
 * length, and constants the code compares with (magic numbers, delimiter bytes). Tokens come in
 * order of first occurrence in the module, without duplicates; a body the decoder cannot read
 * only loses its own constants.
 */
import { readDataSegments } from './data-segments.js';
import { decodeFunctionBody, type Instruction } from './instructions.js';
import { WasmDecodeError } from './leb128.js';
import { readCodeEntries, SectionId, splitSections } from './sections.js';

export interface HarvestOptions {
  maxTokens?: number;
}

const MIN_RUN = 2;
const MAX_RUN = 64;
/** Bytes that split "key=value;x" into key, =, value: each one is also a token of its own. */
const SEPARATORS = new Set([...' =;,:&|/\\"\'()[]{}<>'].map((char) => char.charCodeAt(0)));

interface Found {
  readonly at: number;
  readonly token: Uint8Array;
}

export function harvestDictionary(
  bytes: Uint8Array,
  { maxTokens = 256 }: HarvestOptions = {},
): Uint8Array[] {
  const bodies = functionBodies(bytes);
  const found = [
    ...comparedConstants(bodies),
    ...dataStrings(bytes),
    ...sliceReferences(bytes, bodies),
  ];
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const tokens: Uint8Array[] = [];
  for (const { token } of found) {
    if (tokens.length >= maxTokens) break;
    const key = String.fromCharCode(...token);
    if (seen.has(key)) continue;
    seen.add(key);
    tokens.push(token);
  }
  return tokens;
}

function dataStrings(module: Uint8Array): Found[] {
  const found: Found[] = [];
  for (const { bytes, byteOffset } of readDataSegments(module)) {
    for (const [start, end] of printableRuns(bytes)) {
      const at = byteOffset + start;
      if (end - start >= MIN_RUN && end - start <= MAX_RUN) {
        found.push({ at, token: bytes.slice(start, end) });
      }
      let pieceStart = start;
      for (let index = start; index <= end; index++) {
        const byte = bytes[index];
        if (index < end && (byte === undefined || !SEPARATORS.has(byte))) continue;
        const length = index - pieceStart;
        if (length >= MIN_RUN && length <= MAX_RUN && length < end - start) {
          found.push({ at: byteOffset + pieceStart, token: bytes.slice(pieceStart, index) });
        }
        if (index < end)
          found.push({ at: byteOffset + index, token: bytes.slice(index, index + 1) });
        pieceStart = index + 1;
      }
    }
  }
  return found;
}

/** [start, end) of every maximal run of printable ASCII and well-formed multi-byte UTF-8. */
function printableRuns(bytes: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let runStart = -1;
  for (let index = 0; index <= bytes.length;) {
    const length = index < bytes.length ? printableLength(bytes, index) : 0;
    if (length > 0) {
      if (runStart < 0) runStart = index;
      index += length;
      continue;
    }
    if (runStart >= 0) runs.push([runStart, index]);
    runStart = -1;
    index++;
  }
  return runs;
}

/** Length of the printable character at `index`, or 0 (control bytes, invalid UTF-8). */
function printableLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead >= 0x20 && lead <= 0x7e) return 1;
  const inRange = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[index + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  // Second-byte ranges exclude overlong forms, surrogates and code points above U+10FFFF.
  if (lead >= 0xc2 && lead <= 0xdf) return inRange(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return inRange(1, low, high) && inRange(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return inRange(1, low, high) && inRange(2) && inRange(3) ? 4 : 0;
  }
  return 0;
}

/** i32/i64 eq, ne, lt, gt, le, ge (signed and unsigned); eqz compares with nothing. */
const isComparison = ({ opcode, subOpcode }: Instruction): boolean =>
  subOpcode === undefined &&
  ((opcode >= 0x46 && opcode <= 0x4f) || (opcode >= 0x51 && opcode <= 0x5a));

/** Every function body's instructions; a body the decoder cannot read is left out. */
function functionBodies(module: Uint8Array): Array<readonly Instruction[]> {
  const code = splitSections(module).find(({ id }) => id === SectionId.code);
  if (!code?.origin) return [];
  const start = code.origin.payloadOffset;
  const bodies: Array<readonly Instruction[]> = [];
  for (const entry of readCodeEntries(module, start, start + code.payload.length)) {
    try {
      bodies.push(decodeFunctionBody(module, entry.start, entry.end).instructions);
    } catch (error) {
      if (error instanceof WasmDecodeError) continue;
      throw error;
    }
  }
  return bodies;
}

/**
 * Literals named by address and length. Rust (like every language with string slices) lays its
 * literals end to end with nothing between them ("userzenithhostlocalhost…"), so one printable
 * run in the data is many literals; the code names each one by a pointer and a length: two
 * `i32.const`s in a row (a literal passed to a function or compared with), or a (pointer,
 * length) pair of u32s in a static table in the data (`&[("user", "zenith"), …]`). Each pair
 * that lands on printable bytes of an active data segment is a literal of its own.
 */
function sliceReferences(module: Uint8Array, bodies: Array<readonly Instruction[]>): Found[] {
  const segments = readDataSegments(module).filter(
    (segment) => segment.mode === 'active' && segment.memory === 0 && segment.offset !== undefined,
  );
  const literalAt = (address: number, length: number): Uint8Array | undefined => {
    if (length < MIN_RUN || length > MAX_RUN) return undefined;
    for (const { offset, bytes } of segments) {
      const start = address - offset!;
      if (start < 0 || start + length > bytes.length) continue;
      const literal = bytes.subarray(start, start + length);
      return isPrintable(literal) ? literal.slice() : undefined;
    }
    return undefined;
  };
  const found: Found[] = [];
  for (const { offset, bytes, byteOffset } of segments) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Tables of pointers are 4-aligned in memory.
    for (let at = (4 - (offset! % 4)) % 4; at + 8 <= bytes.length; at += 4) {
      const literal = literalAt(view.getUint32(at, true), view.getUint32(at + 4, true));
      if (literal) found.push({ at: byteOffset + at, token: literal });
    }
  }
  for (const instructions of bodies) {
    instructions.forEach((pointer, index) => {
      const length = instructions[index + 1];
      if (pointer.immediates.kind !== 'i32' || length?.immediates.kind !== 'i32') return;
      if (pointer.name !== 'i32.const' || length.name !== 'i32.const' || !pointer.range) return;
      const literal = literalAt(pointer.immediates.value >>> 0, length.immediates.value);
      if (literal) found.push({ at: pointer.range.start, token: literal });
    });
  }
  return found;
}

/** Whether the bytes are printable ASCII and well-formed multi-byte UTF-8 from end to end. */
function isPrintable(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length;) {
    const length = printableLength(bytes, index);
    if (length === 0) return false;
    index += length;
  }
  return true;
}

function comparedConstants(bodies: Array<readonly Instruction[]>): Found[] {
  const found: Found[] = [];
  for (const instructions of bodies) {
    instructions.forEach((candidate, index) => {
      if (!isComparison(candidate)) return;
      for (const neighbour of [instructions[index - 1], instructions[index + 1]]) {
        const token = neighbour && constantToken(neighbour);
        if (token && neighbour.range) found.push({ at: neighbour.range.start, token });
      }
    });
  }
  return found;
}

/**
 * 0..255 is a single byte (a delimiter); a larger constant counts only when its 2, 4 or 8
 * little-endian bytes are all printable ASCII, the way a parser checks a magic like "JSON".
 */
function constantToken({ immediates }: Instruction): Uint8Array | undefined {
  let value: bigint;
  if (immediates.kind === 'i32') value = BigInt(immediates.value >>> 0);
  else if (immediates.kind === 'i64') value = BigInt.asUintN(64, immediates.value);
  else return undefined;
  if (value <= 0xffn) return Uint8Array.of(Number(value));
  const width = value <= 0xffffn ? 2 : value <= 0xffffffffn ? 4 : 8;
  const token = new Uint8Array(width);
  for (let index = 0; index < width; index++) {
    token[index] = Number((value >> BigInt(8 * index)) & 0xffn);
  }
  return token.every((byte) => byte >= 0x20 && byte <= 0x7e) ? token : undefined;
}
