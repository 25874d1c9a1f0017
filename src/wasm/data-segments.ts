/**
 * Reads the data section: which bytes each segment holds and, when it is knowable without
 * running the module, where they land in memory.
 */
import { decodeExpression } from './instructions.js';
import { ByteReader, WasmDecodeError } from './leb128.js';
import { SectionId, splitSections } from './sections.js';

export interface DataSegment {
  readonly index: number;
  readonly mode: 'active' | 'passive';
  /** The memory an active segment initialises; undefined for passive segments. */
  readonly memory: number | undefined;
  /**
   * The address of an active segment whose offset expression is a plain `i32.const`; undefined
   * for passive segments and computed offsets (global.get, extended constant expressions).
   */
  readonly offset: number | undefined;
  readonly bytes: Uint8Array;
  /** Where `bytes` starts in the module. */
  readonly byteOffset: number;
}

export function readDataSegments(module: Uint8Array): DataSegment[] {
  const section = splitSections(module).find(({ id }) => id === SectionId.data);
  if (!section?.origin) return [];
  const start = section.origin.payloadOffset;
  const reader = new ByteReader(module, start, start + section.payload.length);
  const segments: DataSegment[] = [];
  for (let index = 0, count = reader.u32(); index < count; index++) {
    const flagsAt = reader.offset;
    const flags = reader.u32();
    if (flags > 2) {
      throw new WasmDecodeError(
        `expected data segment flags 0, 1 or 2 but found ${flags}`,
        flagsAt,
      );
    }
    const passive = flags === 1;
    const memory = passive ? undefined : flags === 2 ? reader.u32() : 0;
    const offset = passive ? undefined : readConstantOffset(reader);
    const length = reader.u32();
    const byteOffset = reader.offset;
    const bytes = reader.take(length);
    segments.push({
      index,
      mode: passive ? 'passive' : 'active',
      memory,
      offset,
      bytes,
      byteOffset,
    });
  }
  return segments;
}

function readConstantOffset(reader: ByteReader): number | undefined {
  const { instructions, end } = decodeExpression(reader.bytes, reader.offset, reader.end);
  reader.offset = end;
  const [first] = instructions;
  if (instructions.length !== 2 || first?.immediates.kind !== 'i32') return undefined;
  // Addresses are unsigned: i32.const -1 places a segment at 0xffffffff.
  return first.immediates.value >>> 0;
}
