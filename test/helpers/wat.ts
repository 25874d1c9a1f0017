import wabtInit from 'wabt';

const wabt = await wabtInit();

/** Builds a module from WebAssembly text in-process with the wabt package. */
export function wat(text: string, features: Record<string, boolean> = {}): Uint8Array {
  const module = wabt.parseWat('fixture.wat', text, {
    bulk_memory: true,
    threads: true,
    ...features,
  });
  try {
    const binary = new Uint8Array(module.toBinary({}).buffer);
    try {
      module.validate();
    } catch (error) {
      // wabt's validator rejects some modules V8 accepts (shared memories): V8 has the last word.
      if (!WebAssembly.validate(binary)) throw error;
    }
    return binary;
  } finally {
    module.destroy();
  }
}

/** Appends a custom section, to grow a module without changing what it does. */
export function withCustomSection(
  bytes: Uint8Array,
  name: string,
  payloadBytes: number,
): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const content = [...uleb(nameBytes.length), ...nameBytes];
  const size = content.length + payloadBytes;
  const header = [0, ...uleb(size), ...content];
  const out = new Uint8Array(bytes.length + header.length + payloadBytes);
  out.set(bytes);
  out.set(header, bytes.length);
  return out;
}

function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/**
 * Appends an active data segment of `size` copies of `fill` at `offset` of memory 0, so a
 * fixture can carry megabytes of data without megabytes of text. The module must have a data
 * section already (any `(data ...)`), and a data count section is kept in step.
 */
export function withDataSegment(
  bytes: Uint8Array,
  offset: number,
  size: number,
  fill = 0x5a,
): Uint8Array {
  const sections: Array<{ id: number; payload: Uint8Array }> = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++]!;
    let length = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++]!;
      length += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if ((byte & 0x80) === 0) break;
    }
    sections.push({ id, payload: bytes.subarray(at, at + length) });
    at += length;
  }
  const bumpCount = (payload: Uint8Array): { count: number; rest: Uint8Array } => {
    let count = 0;
    let shift = 0;
    let i = 0;
    for (;;) {
      const byte = payload[i++]!;
      count += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if ((byte & 0x80) === 0) break;
    }
    return { count: count + 1, rest: payload.subarray(i) };
  };
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let added = false;
  for (const { id, payload } of sections) {
    let body: Uint8Array = payload;
    let data = new Uint8Array(0);
    if (id === 11) {
      const { count, rest } = bumpCount(payload);
      const segment = [0x00, 0x41, ...sleb(offset), 0x0b, ...uleb(size)];
      body = new Uint8Array([...uleb(count), ...rest, ...segment]);
      data = new Uint8Array(size).fill(fill);
      added = true;
    } else if (id === 12) {
      body = new Uint8Array(uleb(bumpCount(payload).count));
    }
    parts.push(new Uint8Array([id, ...uleb(body.length + data.length)]), body, data);
  }
  if (!added) throw new Error('withDataSegment needs a module with a data section');
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let cursor = 0;
  for (const part of parts) {
    out.set(part, cursor);
    cursor += part.length;
  }
  return out;
}

function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}
