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
