import type { StructSpec } from '../spec-model/abi-types.generated.js';

/** A params struct's bytes from its field values, as the spec lays it out (little-endian). */
export function encodeStruct(
  struct: StructSpec,
  fields: Readonly<Record<string, number>>,
): Uint8Array {
  const bytes = new Uint8Array(struct.size);
  const view = new DataView(bytes.buffer);
  for (const field of struct.fields) {
    const value = fields[field.name] ?? 0;
    if (field.type === 'u8') view.setUint8(field.offset, value);
    else if (field.type === 'u16') view.setUint16(field.offset, value, true);
    else if (field.type === 'u32') view.setUint32(field.offset, value >>> 0, true);
    else view.setInt32(field.offset, value | 0, true);
  }
  return bytes;
}

/** Field values from a params struct's bytes (the first struct.size bytes of `bytes`). */
export function decodeStruct(struct: StructSpec, bytes: Uint8Array): Record<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, struct.size);
  const fields: Record<string, number> = {};
  for (const field of struct.fields) {
    fields[field.name] =
      field.type === 'u8'
        ? view.getUint8(field.offset)
        : field.type === 'u16'
          ? view.getUint16(field.offset, true)
          : field.type === 'u32'
            ? view.getUint32(field.offset, true)
            : view.getInt32(field.offset, true);
  }
  return fields;
}
