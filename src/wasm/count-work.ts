/**
 * A work counter, so that how much a plugin's calls cost can be known without a clock: a copy
 * of the module where every function entry and every `loop` iteration adds 1 to one appended,
 * exported mutable i32 global. The count is a property of the module and its inputs, the same
 * on a quiet laptop and a saturated runner, so budgets drawn from it (how long a leak series
 * runs, how many cases a rule makes of a slow plugin) keep verdicts independent of load, which
 * a time budget cannot. A call without loops or calls counts 1: straight-line code is bounded by
 * the module's size, so entries and back edges are all the work there is to count.
 *
 * The probe (global.get, i32.const 1, i32.add, global.set) is stack-neutral, so it is valid at
 * a body's start and right after `loop`. Only a global is appended, so function indices (the
 * memory guard's, those in trap stacks) stay as they were. The i32 wraps: a call is measured as
 * the difference of two readings, modulo 2^32, which is exact for any call a deadline lets end.
 */
import { instruction, type Instruction } from './instructions.js';
import { WasmDecodeError } from './leb128.js';
import { ModuleEditor } from './rewrite.js';

/** Export name of the counter global, read by the host after each call. */
export const WORK_EXPORT = 'zenith_conform:work';

export type CountWorkResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const LOOP_OPCODE = 0x03;

export function instrumentWorkCounter(bytes: Uint8Array): CountWorkResult {
  let editor: ModuleEditor;
  try {
    editor = new ModuleEditor(bytes);
  } catch (error) {
    if (error instanceof WasmDecodeError) return { ok: false, reason: error.message };
    throw error;
  }
  if (editor.exportNames().includes(WORK_EXPORT)) {
    return { ok: false, reason: `the module already exports ${WORK_EXPORT}` };
  }
  const counter = { kind: 'index', index: editor.globalCount } as const;
  const tick: readonly Instruction[] = [
    instruction('global.get', counter),
    instruction('i32.const', { kind: 'i32', value: 1 }),
    instruction('i32.add'),
    instruction('global.set', counter),
  ];
  try {
    editor.mapFunctionBodies((instructions) => {
      const out: Instruction[] = [...tick];
      for (const candidate of instructions) {
        out.push(candidate);
        if (candidate.opcode === LOOP_OPCODE && candidate.subOpcode === undefined) {
          out.push(...tick);
        }
      }
      return out;
    });
  } catch (error) {
    if (error instanceof WasmDecodeError || error instanceof RangeError) {
      return { ok: false, reason: `cannot instrument the function bodies: ${error.message}` };
    }
    throw error;
  }
  const index = editor.addMutableI32Global(0);
  if (index !== counter.index) {
    throw new Error(`the work counter landed at global ${index}, not ${counter.index}`);
  }
  editor.addExport(WORK_EXPORT, 'global', index);
  return { ok: true, bytes: editor.toBytes() };
}
