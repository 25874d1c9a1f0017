/**
 * Block coverage for the exploration loop, written on the wasm toolkit (src/wasm/): a copy of
 * the module where every basic block sets its own bit in one of a few appended, exported
 * mutable i32 globals (32 blocks a global). A call's coverage is read from the exported
 * globals and cleared for the next call. No binaryen: the toolkit rewrites bodies byte-exactly
 * (only the probes are new), needs no optional dependency, and keeps function indices as they
 * were, so traps and the memory guard read the same as in the module the rules run.
 *
 * A block starts at the function's entry, inside a `loop`, in each arm of an `if`, after an
 * `end` that closes a block (where branches join), after a `br_if` (its fallthrough), and in
 * the handlers of a `try`. The probe is stack-neutral (global.get, i32.const, i32.or,
 * global.set), so it is valid wherever an instruction boundary is.
 */
import { instruction, type Instruction } from '../wasm/instructions.js';
import { WasmDecodeError } from '../wasm/leb128.js';
import { ModuleEditor } from '../wasm/rewrite.js';

/** Export names of the coverage words: this prefix and the word's number. */
export const COVERAGE_EXPORT_PREFIX = 'zenith_conform:coverage:';

export type InstrumentResult =
  { ok: true; bytes: Uint8Array; blocks: number; words: number } | { ok: false; reason: string };

/** loop, if, else, try, catch, catch_all, delegate, end, br_if: a new block follows each. */
const BLOCK_STARTS_AFTER = new Set([0x03, 0x04, 0x05, 0x06, 0x07, 0x19, 0x18, 0x0b, 0x0d]);

export function instrumentCoverage(bytes: Uint8Array): InstrumentResult {
  let editor: ModuleEditor;
  try {
    editor = new ModuleEditor(bytes);
  } catch (error) {
    if (error instanceof WasmDecodeError) return { ok: false, reason: error.message };
    throw error;
  }
  const firstWord = editor.globalCount;
  let blocks = 0;
  const probe = (): Instruction[] => {
    const block = blocks++;
    const word = { kind: 'index', index: firstWord + (block >>> 5) } as const;
    return [
      instruction('global.get', word),
      instruction('i32.const', { kind: 'i32', value: (1 << (block & 31)) | 0 }),
      instruction('i32.or'),
      instruction('global.set', word),
    ];
  };
  try {
    editor.mapFunctionBodies((instructions) => {
      const out: Instruction[] = probe();
      const last = instructions.length - 1;
      instructions.forEach((candidate, index) => {
        out.push(candidate);
        if (index < last && candidate.subOpcode === undefined) {
          if (BLOCK_STARTS_AFTER.has(candidate.opcode)) out.push(...probe());
        }
      });
      return out;
    });
  } catch (error) {
    if (error instanceof WasmDecodeError || error instanceof RangeError) {
      return { ok: false, reason: `cannot instrument the function bodies: ${error.message}` };
    }
    throw error;
  }
  const words = Math.ceil(blocks / 32);
  const taken = editor.exportNames().filter((name) => name.startsWith(COVERAGE_EXPORT_PREFIX));
  if (taken.length > 0) return { ok: false, reason: `the module already exports ${taken[0]}` };
  for (let word = 0; word < words; word++) {
    const index = editor.addMutableI32Global(0);
    if (index !== firstWord + word) {
      throw new Error(`coverage word ${word} landed at global ${index}, not ${firstWord + word}`);
    }
    editor.addExport(`${COVERAGE_EXPORT_PREFIX}${word}`, 'global', index);
  }
  return { ok: true, bytes: editor.toBytes(), blocks, words };
}

/** Counts set bits (the blocks one word says were reached). */
export function bitCount(word: number): number {
  let value = word >>> 0;
  value -= (value >>> 1) & 0x55555555;
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The coverage of one instance: reads the words after a call, counts the blocks seen for the
 * first time across the whole exploration, and clears the words for the next call.
 */
export class CoverageMap {
  /** Every block reached so far, one bit each. */
  readonly seen: Uint32Array;
  reached = 0;

  constructor(readonly words: number) {
    this.seen = new Uint32Array(words);
  }

  /** The instance's coverage words, in order. */
  static globalsOf(exports: WebAssembly.Exports, words: number): WebAssembly.Global[] {
    return Array.from({ length: words }, (_, word) => {
      const global = exports[`${COVERAGE_EXPORT_PREFIX}${word}`];
      if (!(global instanceof WebAssembly.Global)) {
        throw new Error(`the instrumented module does not export coverage word ${word}`);
      }
      return global;
    });
  }

  /** Blocks the last call reached for the first time; clears the instance's words. */
  collect(globals: readonly WebAssembly.Global[]): number {
    let fresh = 0;
    for (let word = 0; word < globals.length; word++) {
      const global = globals[word]!;
      const value = (global.value as number) >>> 0;
      if (value === 0) continue;
      global.value = 0;
      const before = this.seen[word]!;
      const added = (value & ~before) >>> 0;
      if (added !== 0) {
        fresh += bitCount(added);
        this.seen[word] = (before | value) >>> 0;
      }
    }
    this.reached += fresh;
    return fresh;
  }
}
