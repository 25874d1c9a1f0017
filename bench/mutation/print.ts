/** Instructions as a person reads them, close to the text format: `i32.load8_u offset=4`. */
import type { Instruction } from '../../src/wasm/instructions.js';

const NATURAL_ALIGN: Record<string, number> = { '8': 0, '16': 1, '32': 2 };

/** log2 of the natural alignment of a load or store: its access width in bytes. */
export function naturalAlignment(name: string): number {
  const width = /\.(?:load|store)(8|16|32)/.exec(name)?.[1];
  if (width) return NATURAL_ALIGN[width] ?? 0;
  return name.startsWith('i64.') || name.startsWith('f64.') ? 3 : 2;
}

export function printInstruction(instruction: Instruction): string {
  const { name, immediates } = instruction;
  switch (immediates.kind) {
    case 'none':
      return name;
    case 'block':
      return immediates.blockType === 'empty'
        ? name
        : typeof immediates.blockType === 'number'
          ? `${name} (type ${immediates.blockType})`
          : `${name} (result ${immediates.blockType})`;
    case 'index':
      return `${name} ${immediates.index}`;
    case 'indexPair':
      return `${name} ${immediates.first} ${immediates.second}`;
    case 'brTable':
      return `${name} ${[...immediates.labels, immediates.defaultLabel].join(' ')}`;
    case 'memarg':
    case 'memargLane': {
      const { align, offset, memory } = immediates.memarg;
      const parts = [name];
      if (memory !== 0) parts.push(String(memory));
      if (offset !== 0) parts.push(`offset=${offset}`);
      if (align !== naturalAlignment(name)) parts.push(`align=${2 ** align}`);
      if (immediates.kind === 'memargLane') parts.push(String(immediates.lane));
      return parts.join(' ');
    }
    case 'i32':
    case 'i64':
      return `${name} ${immediates.value}`;
    case 'lane':
      return `${name} ${immediates.lane}`;
    case 'f32':
      return `${name} ${new Float32Array(new Uint32Array([immediates.bits]).buffer)[0]}`;
    case 'f64':
      return `${name} ${new Float64Array(new BigUint64Array([immediates.bits]).buffer)[0]}`;
    case 'v128':
    case 'shuffle':
      return `${name} …`;
    case 'selectTypes':
      return `${name} (result ${immediates.types.join(' ')})`;
    case 'refType':
      return `${name} ${immediates.refType}`;
  }
}

export const printInstructions = (instructions: readonly Instruction[]): string =>
  instructions.map(printInstruction).join('; ');
