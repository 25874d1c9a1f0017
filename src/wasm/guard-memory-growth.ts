/**
 * Puts a page budget in front of every memory.grow. Each memory.grow on memory 0 becomes a call
 * to one appended function, $zc_grow, which answers -1 to growth past the memory's own maximum
 * (as every engine does), traps (after recording the delta) when the growth would take memory
 * past the budget, and otherwise grows exactly as before. The engine's own limit only says "too
 * much" after the allocation is attempted, and a module that asks for 4 GiB should fail as a
 * finding, not as a host out-of-memory.
 */
import { instruction, type Instruction } from './instructions.js';
import { WasmDecodeError } from './leb128.js';
import { ModuleEditor } from './rewrite.js';

/** Export names of the two appended globals, read and raised by the host. */
export const GUARD_EXPORTS = {
  /** Mutable i32: the most pages memory may have; the host keeps it >= memory.size. */
  budget: 'zenith_conform:budget_pages',
  /** Mutable i32: the delta of the refused grow, or -1 while nothing was refused. */
  refused: 'zenith_conform:refused_grow_pages',
} as const;

export type GuardResult =
  | {
      ok: true;
      bytes: Uint8Array;
      growSites: number;
      /** The function index of $zc_grow (a trap whose top frame is it is a refused growth). */
      guardFunction: number | undefined;
    }
  | { ok: false; reason: string };

const MAX_PAGES_32 = 65536;

export function guardMemoryGrowth(bytes: Uint8Array, budgetPages: number): GuardResult {
  if (!Number.isInteger(budgetPages) || budgetPages < 0 || budgetPages > MAX_PAGES_32) {
    throw new RangeError(`expected a budget of 0 to ${MAX_PAGES_32} pages, got ${budgetPages}`);
  }
  let editor: ModuleEditor;
  try {
    editor = new ModuleEditor(bytes);
  } catch (error) {
    if (error instanceof WasmDecodeError) return refuse(`cannot read the module: ${error.message}`);
    throw error;
  }

  const { memories } = editor;
  const [memory] = memories;
  if (!memory) return { ok: true, bytes, growSites: 0, guardFunction: undefined };
  if (memories.length > 1) {
    return refuse(
      `the module has ${memories.length} memories (multi-memory); only a single memory can be guarded`,
    );
  }
  if (memory.memory64) {
    return refuse('memory 0 is a 64-bit memory (memory64); only 32-bit memories can be guarded');
  }

  const growFunction = editor.functionCount;
  const callGrow = instruction('call', { kind: 'index', index: growFunction });
  let growSites = 0;
  try {
    editor.mapFunctionBodies((instructions) => {
      if (!instructions.some(isMemoryGrow)) return instructions;
      return instructions.map((candidate) => {
        if (!isMemoryGrow(candidate)) return candidate;
        growSites++;
        return callGrow;
      });
    });
  } catch (error) {
    if (error instanceof WasmDecodeError) {
      return refuse(`cannot rewrite the function bodies: ${error.message}`);
    }
    throw error;
  }
  if (growSites === 0) return { ok: true, bytes, growSites: 0, guardFunction: undefined };

  const taken = Object.values(GUARD_EXPORTS).filter((name) => editor.exportNames().includes(name));
  if (taken.length > 0) return refuse(`the module already exports ${taken.join(' and ')}`);

  const budget = editor.addMutableI32Global(budgetPages);
  const refused = editor.addMutableI32Global(-1);
  const type = editor.addFunctionType(['i32'], ['i32']);
  const ownLimit = Math.min(MAX_PAGES_32, memory.maximumPages ?? MAX_PAGES_32);
  const added = editor.addFunction(type, growBody(budget, refused, ownLimit));
  if (added !== growFunction) {
    throw new Error(`$zc_grow landed at function ${added}, not the ${growFunction} calls use`);
  }
  editor.addExport(GUARD_EXPORTS.budget, 'global', budget);
  editor.addExport(GUARD_EXPORTS.refused, 'global', refused);
  return { ok: true, bytes: editor.toBytes(), growSites, guardFunction: growFunction };
}

const refuse = (reason: string): GuardResult => ({ ok: false, reason });

function isMemoryGrow({ opcode, subOpcode, immediates }: Instruction): boolean {
  return (
    opcode === 0x40 &&
    subOpcode === undefined &&
    immediates.kind === 'index' &&
    immediates.index === 0
  );
}

/**
 * (func $zc_grow (param $delta i32) (result i32)), in effect
 *   if (delta >u ownLimit - memory.size) return -1
 *   if (delta >u budget - memory.size) { refused = delta; unreachable }
 *   memory.grow(delta)
 * A growth past the memory's own maximum (its declared one, or 4 GiB) fails in any engine
 * without taking a byte: it gets the -1 it would get anyway, and a plugin that handles it (an
 * allocator asked for an impossible size returning 0) is not stopped. Growth the memory could
 * take but the budget cannot is the plugin's, and is stopped.
 * The extra `budget <u memory.size && delta != 0` term keeps a budget the host let fall below
 * the current size from wrapping around to "unlimited"; growing by 0 is never refused, so a
 * refused delta is never 0 and -1 can mean "nothing refused".
 */
function growBody(budget: number, refused: number, ownLimit: number): Instruction[] {
  const op = (name: string, index?: number): Instruction =>
    index === undefined ? instruction(name) : instruction(name, { kind: 'index', index });
  const delta = () => op('local.get', 0);
  const i32 = (value: number) => instruction('i32.const', { kind: 'i32', value });
  return [
    delta(),
    i32(ownLimit),
    op('memory.size', 0),
    op('i32.sub'),
    op('i32.gt_u'),
    instruction('if', { kind: 'block', blockType: 'empty' }),
    i32(-1),
    op('return'),
    op('end'),
    delta(),
    op('global.get', budget),
    op('memory.size', 0),
    op('i32.sub'),
    op('i32.gt_u'),
    op('global.get', budget),
    op('memory.size', 0),
    op('i32.lt_u'),
    delta(),
    instruction('i32.const', { kind: 'i32', value: 0 }),
    op('i32.ne'),
    op('i32.and'),
    op('i32.or'),
    instruction('if', { kind: 'block', blockType: 'empty' }),
    delta(),
    op('global.set', refused),
    op('unreachable'),
    op('end'),
    delta(),
    op('memory.grow', 0),
    op('end'),
  ];
}
