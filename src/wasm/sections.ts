/**
 * Splits a module into sections and puts sections back together. Sections that come out of
 * splitSections remember where they were and how wide their size field was, so reassembling an
 * untouched list reproduces the input byte for byte even when a linker padded the sizes.
 */
import { ByteReader, ByteWriter, WasmDecodeError } from './leb128.js';

export const SectionId = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
  dataCount: 12,
  tag: 13,
} as const;

/** Position of each known section id in the order the binary format requires. */
const CANONICAL_ORDER: Record<number, number> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  13: 6,
  6: 7,
  7: 8,
  8: 9,
  9: 10,
  12: 11,
  10: 12,
  11: 13,
};

export interface SectionOrigin {
  /** Offset of the section id byte in the module it was split from. */
  readonly offset: number;
  /** Offset of the first payload byte in that module. */
  readonly payloadOffset: number;
  /** Width of the size field as it was written, kept so padded sizes survive reassembly. */
  readonly sizeLength: number;
}

export interface ModuleSection {
  readonly id: number;
  /** Custom sections only: the name at the start of the payload. */
  readonly name?: string;
  /** Everything after the size field; for custom sections this still starts with the name. */
  readonly payload: Uint8Array;
  /** Absent on sections built here rather than read from a module. */
  readonly origin?: SectionOrigin;
}

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export function splitSections(bytes: Uint8Array): ModuleSection[] {
  if (bytes.length < 8) {
    throw new WasmDecodeError(`expected an 8-byte header but found ${bytes.length} bytes`, 0);
  }
  HEADER.forEach((expected, index) => {
    if (bytes[index] !== expected) {
      throw new WasmDecodeError(
        `expected the header \\0asm version 1 but found 0x${bytes[index]?.toString(16)}`,
        index,
      );
    }
  });
  const reader = new ByteReader(bytes, 8);
  const sections: ModuleSection[] = [];
  while (!reader.atEnd) {
    const offset = reader.offset;
    const id = reader.u8();
    const sizeOffset = reader.offset;
    const size = reader.u32();
    const payloadOffset = reader.offset;
    const payload = reader.take(size);
    const origin: SectionOrigin = { offset, payloadOffset, sizeLength: payloadOffset - sizeOffset };
    if (id === SectionId.custom) {
      const name = new ByteReader(payload).name();
      sections.push({ id, name, payload, origin });
    } else {
      sections.push({ id, payload, origin });
    }
  }
  return sections;
}

export function assembleModule(sections: readonly ModuleSection[]): Uint8Array<ArrayBuffer> {
  const writer = new ByteWriter().bytes(HEADER);
  for (const { id, payload, origin } of sections) {
    const width = origin && payload.length < 2 ** (7 * origin.sizeLength) ? origin.sizeLength : 1;
    writer.u8(id).u32(payload.length, width).bytes(payload);
  }
  return writer.finish();
}

export function makeSection(id: number, payload: Uint8Array): ModuleSection {
  if (id === SectionId.custom) throw new RangeError('use makeCustomSection for custom sections');
  return { id, payload };
}

export function makeCustomSection(name: string, content: Uint8Array): ModuleSection {
  return {
    id: SectionId.custom,
    name,
    payload: new ByteWriter().name(name).bytes(content).finish(),
  };
}

/** What follows the name of a custom section. */
export function customSectionContent(section: ModuleSection): Uint8Array {
  const reader = new ByteReader(section.payload);
  reader.name();
  return section.payload.subarray(reader.offset);
}

export function findSection(
  sections: readonly ModuleSection[],
  id: number,
): ModuleSection | undefined {
  return sections.find((section) => section.id === id && id !== SectionId.custom);
}

/**
 * Replaces the section with the same id, or inserts it where the binary format wants it: right
 * after the last section that must precede it, so custom sections between others stay put and
 * trailing ones (name, producers) stay after it.
 */
export function setSection(
  sections: readonly ModuleSection[],
  section: ModuleSection,
): ModuleSection[] {
  const rank = CANONICAL_ORDER[section.id];
  if (rank === undefined) throw new RangeError(`section id ${section.id} has no canonical place`);
  const existing = sections.findIndex((candidate) => candidate.id === section.id);
  if (existing >= 0) return sections.map((old, index) => (index === existing ? section : old));
  let insertAt = -1;
  sections.forEach((candidate, index) => {
    const candidateRank = CANONICAL_ORDER[candidate.id];
    if (candidateRank !== undefined && candidateRank < rank) insertAt = index + 1;
  });
  if (insertAt < 0) {
    const firstKnown = sections.findIndex((candidate) => candidate.id !== SectionId.custom);
    insertAt = firstKnown < 0 ? sections.length : firstKnown;
  }
  return [...sections.slice(0, insertAt), section, ...sections.slice(insertAt)];
}

export interface CodeEntry {
  /** Offset of the entry's size field. */
  readonly entryStart: number;
  /** The body (locals and expression), excluding the size field. */
  readonly start: number;
  readonly end: number;
}

/** The function bodies of a code section payload held in `bytes[start, end)`. */
export function readCodeEntries(bytes: Uint8Array, start = 0, end = bytes.length): CodeEntry[] {
  const reader = new ByteReader(bytes, start, end);
  const entries: CodeEntry[] = [];
  for (let count = reader.u32(); count > 0; count--) {
    const entryStart = reader.offset;
    const size = reader.u32();
    const bodyStart = reader.offset;
    reader.take(size);
    entries.push({ entryStart, start: bodyStart, end: reader.offset });
  }
  if (!reader.atEnd) {
    throw new WasmDecodeError(
      'expected the code section to end after its last body',
      reader.offset,
    );
  }
  return entries;
}
