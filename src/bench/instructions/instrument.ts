import {
  expressionId,
  expressionKind,
  type Binaryen,
  type BinaryenModule,
  type ExpressionRef,
} from './binaryen-api.js';

/** The exported mutable i64 global the instrumented module counts into. */
export const COUNTER_EXPORT = '__zenith_conform_instructions';

/**
 * Operand fields of each expression kind this counter understands, as binaryen's
 * getExpressionInfo names them. Block and Loop are structure, not work: they count 0. A kind
 * missing here makes counting unavailable for the module rather than silently wrong.
 */
const OPERANDS: Record<string, readonly string[]> = {
  Block: ['children'],
  Loop: ['body'],
  If: ['condition', 'ifTrue', 'ifFalse'],
  Break: ['condition', 'value'],
  Switch: ['condition', 'value'],
  Call: ['operands'],
  CallIndirect: ['target', 'operands'],
  CallRef: ['target', 'operands'],
  LocalGet: [],
  LocalSet: ['value'],
  GlobalGet: [],
  GlobalSet: ['value'],
  Load: ['ptr'],
  Store: ['ptr', 'value'],
  Const: [],
  Unary: ['value'],
  Binary: ['left', 'right'],
  Select: ['ifTrue', 'ifFalse', 'condition'],
  Drop: ['value'],
  Return: ['value'],
  MemorySize: [],
  MemoryGrow: ['delta'],
  Nop: [],
  Unreachable: [],
  MemoryInit: ['dest', 'offset', 'size'],
  DataDrop: [],
  MemoryCopy: ['dest', 'source', 'size'],
  MemoryFill: ['dest', 'value', 'size'],
  AtomicRMW: ['ptr', 'value'],
  AtomicCmpxchg: ['ptr', 'expected', 'replacement'],
  AtomicWait: ['ptr', 'expected', 'timeout'],
  AtomicNotify: ['ptr', 'notifyCount'],
  AtomicFence: [],
  SIMDExtract: ['vec'],
  SIMDReplace: ['vec', 'value'],
  SIMDShuffle: ['left', 'right'],
  SIMDTernary: ['a', 'b', 'c'],
  SIMDShift: ['vec', 'shift'],
  SIMDLoad: ['ptr'],
  SIMDLoadStoreLane: ['ptr', 'vec'],
  RefNull: [],
  RefIsNull: ['value'],
  RefFunc: [],
  RefEq: ['left', 'right'],
  RefAs: ['value'],
  TableGet: ['index'],
  TableSet: ['index', 'value'],
  TableSize: [],
  TableGrow: ['value', 'delta'],
  TupleMake: ['operands'],
  TupleExtract: ['tuple'],
};
const STRUCTURAL = new Set(['Block', 'Loop']);

export type Instrumented =
  | { ok: true; bytes: Uint8Array; functions: number; loops: number }
  | { ok: false; message: string };

interface Region {
  /** Where the counter bump goes: a function (by index) or a loop expression. */
  at: { function: number } | { loop: ExpressionRef };
  instructions: number;
}

/**
 * Adds an instruction counter to a module with binaryen: each function entry adds the number
 * of instructions in the function's body outside loops, and each loop iteration (its header)
 * adds the number in the loop's body outside nested loops. The count is an upper bound of the
 * instructions executed (a region's skipped branches are counted too) and exactly repeatable.
 */
export function instrument(binaryen: Binaryen, bytes: Uint8Array): Instrumented {
  let module: BinaryenModule | undefined;
  try {
    module = binaryen.readBinary(bytes, binaryen.Features.All);
    module.setFeatures(binaryen.Features.All);
    const kinds = new Map<number, string>();
    for (const name of Object.keys(OPERANDS)) {
      const id = expressionId(binaryen, name);
      if (id !== undefined) kinds.set(id, name);
    }

    const regions: Region[] = [];
    let loops = 0;
    /** Instructions in `root` outside loops; the loops found are queued as their own regions. */
    const countRegion = (root: ExpressionRef, nested: ExpressionRef[], isLoop: boolean): number => {
      let count = 0;
      const stack = [root];
      while (stack.length > 0) {
        const expression = stack.pop()!;
        if (expression === 0) continue;
        const id = binaryen.getExpressionId(expression);
        const kind = kinds.get(id);
        if (kind === undefined) {
          const name = expressionKind(binaryen, id) ?? `expression id ${id}`;
          throw new Error(`it uses ${name}, which the counter does not handle`);
        }
        if (kind === 'Loop' && !(isLoop && expression === root)) {
          nested.push(expression);
          continue;
        }
        if (!STRUCTURAL.has(kind)) count++;
        const fields = OPERANDS[kind]!;
        // No operands, nothing to read (binaryen has no info wrapper for Nop and Unreachable).
        if (fields.length === 0) continue;
        const info = binaryen.getExpressionInfo(expression);
        for (const field of fields) {
          const value = info[field];
          if (Array.isArray(value)) stack.push(...(value as number[]));
          else if (typeof value === 'number') stack.push(value);
          else throw new Error(`binaryen gave no ${field} for a ${kind} expression`);
        }
      }
      return count;
    };

    const functionCount = module.getNumFunctions();
    for (let index = 0; index < functionCount; index++) {
      const info = binaryen.getFunctionInfo(module.getFunctionByIndex(index));
      if (info.module) continue; // an import: no body
      const pending: ExpressionRef[] = [];
      const instructions = countRegion(info.body, pending, false);
      regions.push({ at: { function: index }, instructions });
      while (pending.length > 0) {
        const loop = pending.pop()!;
        loops++;
        regions.push({ at: { loop }, instructions: countRegion(loop, pending, true) });
      }
    }

    const counter = COUNTER_EXPORT;
    module.addGlobal(counter, binaryen.i64, true, module.i64.const(0n));
    const bump = (amount: number): ExpressionRef =>
      module!.global.set(
        counter,
        module!.i64.add(
          module!.global.get(counter, binaryen.i64),
          module!.i64.const(BigInt(amount)),
        ),
      );
    const prepend = (amount: number, body: ExpressionRef): ExpressionRef =>
      module!.block(null, [bump(amount), body], binaryen.auto);
    for (const region of regions) {
      if ('loop' in region.at) {
        const loop = region.at.loop;
        binaryen.Loop.setBody(loop, prepend(region.instructions, binaryen.Loop.getBody(loop)));
      } else {
        const func = module.getFunctionByIndex(region.at.function);
        binaryen.Function.setBody(
          func,
          prepend(region.instructions, binaryen.getFunctionInfo(func).body),
        );
      }
    }
    module.addGlobalExport(counter, counter);
    if (!module.validate())
      return { ok: false, message: 'the instrumented module does not validate' };
    const functions = regions.filter((region) => 'function' in region.at).length;
    return { ok: true, bytes: module.emitBinary(), functions, loops };
  } catch (error) {
    // binaryen throws its own objects (with a message) besides Errors.
    const message = (error as { message?: unknown } | null)?.message;
    const text = typeof message === 'string' ? message : String(error);
    return { ok: false, message: `binaryen could not instrument the module: ${text}` };
  } finally {
    module?.dispose();
  }
}
