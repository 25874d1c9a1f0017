// What c-hex computes: the conformance rules judge the ABI, not a plugin's output (there is no
// profile for hex), so the C reference plugin's own behaviour is checked here, in a bare engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

interface HexExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  process(inputPtr: number, inputLen: number, outputPtr: number, outputLenPtr: number): number;
}

const PAGE = 65_536;
const module = new WebAssembly.Module(
  readFileSync(join(import.meta.dirname, '..', 'reference-plugins', 'dist', 'c-hex.wasm')),
);

function start(): {
  call(input: Uint8Array, capacity: number): { code: number; count: number; output: string };
} {
  const plugin = new WebAssembly.Instance(module, {}).exports as unknown as HexExports;
  plugin._initialize();
  // Host pages well past the module's own memory, as the conformance host places them.
  const base = plugin.memory.grow(64) * PAGE;
  return {
    call(input, capacity) {
      const memory = new Uint8Array(plugin.memory.buffer);
      const [cell, inputAt, outputAt] = [base + 1, base + 16, base + 16 + input.length + 5];
      memory.set(input, inputAt);
      new DataView(memory.buffer).setUint32(cell, capacity, true);
      const code = plugin.process(inputAt, input.length, outputAt, cell);
      const count = new DataView(plugin.memory.buffer).getUint32(cell, true);
      const written = new Uint8Array(plugin.memory.buffer, outputAt, Math.min(count, capacity));
      return { code, count, output: new TextDecoder().decode(written) };
    },
  };
}

describe('c-hex', () => {
  it('writes the lowercase hex of its input', () => {
    expect(start().call(new TextEncoder().encode('Zen'), 64)).toEqual({
      code: 0,
      count: 6,
      output: '5a656e',
    });
  });

  it('encodes every byte like Buffer.toString("hex"), and asks for 2 bytes per input byte', () => {
    const plugin = start();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.nat({ max: 1100 }), (input, capacity) => {
        const result = plugin.call(input, capacity);
        if (capacity < input.length * 2) {
          expect(result).toMatchObject({ code: -3, count: input.length * 2 });
        } else {
          expect(result).toEqual({
            code: 0,
            count: input.length * 2,
            output: Buffer.from(input).toString('hex'),
          });
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
