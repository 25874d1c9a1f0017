/**
 * Instrumented copies of a module, built with the toolkit's ModuleEditor: appended globals
 * only, so no index the module uses shifts.
 *
 * - Coverage by function: one exported mutable i32 per defined function, set to 1 at the
 *   function's entry. After a run, the functions whose global is 1 are the ones that ran.
 * - Coverage by region (a refinement): one global per straight-line region of a body (from the
 *   entry, or from just after a block, loop, if, else, end or branch, to the next of those),
 *   set to 1 where the region starts. An instruction ran when its region's global is 1.
 * - Fuel: one exported mutable i32 counted down at the top of every loop iteration; at 0 the
 *   next iteration traps. The host sets it before each call, so a mutant that loops for ever
 *   ends (as a trap with the fuel at 0) instead of hanging the differential check.
 */
import { instruction, type Instruction } from '../../src/wasm/instructions.js';
import { ModuleEditor } from '../../src/wasm/rewrite.js';

export const FUEL_EXPORT = 'zenith_mutation:fuel';
export const coverageExport = (functionIndex: number, region = 0): string =>
  region === 0
    ? `zenith_mutation:ran:${functionIndex}`
    : `zenith_mutation:ran:${functionIndex}:${region}`;

/** Most fuel a global holds: one call may run this many loop iterations. */
export const MAX_FUEL = 2 ** 31 - 1;

export type CoverageMode = 'functions' | 'regions';

export interface InstrumentOptions {
  coverage?: CoverageMode;
  /** Fuel the module starts with (it covers the start function, _initialize and init). */
  fuel?: number;
}

export interface Instrumented {
  bytes: Uint8Array;
  /** Defined function indices. */
  functions: number[];
  /**
   * With coverage, per function: where each region starts (indices into the original body;
   * region 0 starts at 0). Function coverage has the one region.
   */
  regions: Map<number, number[]>;
}

/** After these, the next instruction starts a region: control may enter or leave here. */
const REGION_BREAKS = new Set([
  'block',
  'loop',
  'if',
  'else',
  'end',
  'br',
  'br_if',
  'br_table',
  'return',
  'unreachable',
  'return_call',
  'return_call_indirect',
  'try',
  'catch',
  'catch_all',
  'delegate',
  'throw',
  'rethrow',
]);

/** Indices where straight-line regions of a body start. */
export function regionStarts(instructions: readonly Instruction[]): number[] {
  const starts = [0];
  instructions.forEach((candidate, index) => {
    if (index + 1 < instructions.length && REGION_BREAKS.has(candidate.name)) {
      starts.push(index + 1);
    }
  });
  return starts;
}

const op = (name: string, index: number): Instruction =>
  instruction(name, { kind: 'index', index });

const setOne = (global: number): Instruction[] => [
  instruction('i32.const', { kind: 'i32', value: 1 }),
  op('global.set', global),
];

export function instrument(bytes: Uint8Array, options: InstrumentOptions): Instrumented {
  const editor = new ModuleEditor(bytes);
  const first = editor.importCounts.function;
  const functions = Array.from({ length: editor.functionCount - first }, (_, i) => first + i);
  const regions = new Map<number, number[]>();
  if (options.coverage) {
    editor.mapFunctionBodies((instructions, { functionIndex }) => {
      regions.set(functionIndex, options.coverage === 'regions' ? regionStarts(instructions) : [0]);
      return instructions;
    });
  }
  // Globals first (their indices are known before any body refers to them), bodies next.
  const globals = new Map<number, number[]>();
  for (const [functionIndex, starts] of regions) {
    globals.set(
      functionIndex,
      starts.map(() => editor.addMutableI32Global(0)),
    );
  }
  const fuel = options.fuel === undefined ? undefined : editor.addMutableI32Global(options.fuel);
  // global.get fuel; i32.eqz; if unreachable end; fuel = fuel - 1
  const burn: Instruction[] =
    fuel === undefined
      ? []
      : [
          op('global.get', fuel),
          instruction('i32.eqz'),
          instruction('if', { kind: 'block', blockType: 'empty' }),
          instruction('unreachable'),
          instruction('end'),
          op('global.get', fuel),
          instruction('i32.const', { kind: 'i32', value: 1 }),
          instruction('i32.sub'),
          op('global.set', fuel),
        ];
  editor.mapFunctionBodies((instructions, { functionIndex }) => {
    const starts = regions.get(functionIndex) ?? [];
    const flags = globals.get(functionIndex) ?? [];
    const probes = new Map(starts.map((start, region) => [start, flags[region]!]));
    const out: Instruction[] = [];
    instructions.forEach((candidate, index) => {
      const probe = probes.get(index);
      if (probe !== undefined) out.push(...setOne(probe));
      out.push(candidate);
      if (candidate.name === 'loop') out.push(...burn);
    });
    return out.length === instructions.length ? instructions : out;
  });
  for (const [functionIndex, flags] of globals) {
    flags.forEach((global, region) => {
      editor.addExport(coverageExport(functionIndex, region), 'global', global);
    });
  }
  if (fuel !== undefined) editor.addExport(FUEL_EXPORT, 'global', fuel);
  return { bytes: editor.toBytes(), functions, regions };
}

const ran = (instance: WebAssembly.Instance, name: string): boolean => {
  const global = instance.exports[name];
  return global instanceof WebAssembly.Global && global.value === 1;
};

/** The functions an instance entered. */
export function coveredFunctions(
  instance: WebAssembly.Instance,
  functions: readonly number[],
): number[] {
  return functions.filter((index) => ran(instance, coverageExport(index)));
}

/**
 * The instructions an instance ran, per function, as region start indices that ran (an
 * instruction ran when the last region start at or before it did).
 */
export function coveredRegions(
  instance: WebAssembly.Instance,
  regions: ReadonlyMap<number, readonly number[]>,
): Map<number, number[]> {
  const covered = new Map<number, number[]>();
  for (const [functionIndex, starts] of regions) {
    const hit = starts.filter((_, region) => ran(instance, coverageExport(functionIndex, region)));
    if (hit.length > 0) covered.set(functionIndex, hit);
  }
  return covered;
}

/** Whether instruction `index` lies in a region that ran. */
export function instructionRan(
  starts: readonly number[],
  ranStarts: ReadonlySet<number>,
  index: number,
): boolean {
  let region = 0;
  for (const start of starts) {
    if (start > index) break;
    region = start;
  }
  return ranStarts.has(region);
}

export function fuelGlobal(instance: WebAssembly.Instance): WebAssembly.Global | undefined {
  const global = instance.exports[FUEL_EXPORT];
  return global instanceof WebAssembly.Global ? global : undefined;
}
