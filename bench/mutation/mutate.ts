/**
 * Mutation sites and mutants: every place an operator applies in the functions that ran, a
 * seeded sample of them per operator, and the mutant module for one of them (validated: a
 * variant the engine rejects is skipped, and the next candidate taken).
 */
import { createHash } from 'node:crypto';
import type { Instruction } from '../../src/wasm/instructions.js';
import { ModuleEditor } from '../../src/wasm/rewrite.js';
import { instructionRan } from './instrument.js';
import { loopDepths, OPERATORS, type OperatorId } from './operators.js';
import { printInstruction, printInstructions } from './print.js';
import { deriveSeed, shuffled } from './sample.js';

export interface MutationSite {
  operator: OperatorId;
  functionIndex: number;
  /** Position of the instruction in the function's body. */
  instructionIndex: number;
  /** Byte offset of the instruction in the module. */
  offset: number;
  variant: string;
  before: string;
  after: string;
  replacement: readonly Instruction[];
}

/**
 * Where the exercise ran: per function, which of its instructions (`true` for all of them,
 * when only function coverage is known).
 */
export type Ran = ReadonlyMap<number, true | ((instructionIndex: number) => boolean)>;

/** Every site of every operator in the code that ran, in module order. */
export function enumerateSites(
  bytes: Uint8Array,
  ran: Ran,
  operators: readonly OperatorId[] = OPERATORS.map((operator) => operator.id),
): MutationSite[] {
  const sites: MutationSite[] = [];
  const wanted = OPERATORS.filter((operator) => operators.includes(operator.id));
  new ModuleEditor(bytes).mapFunctionBodies((instructions, { functionIndex }) => {
    const inFunction = ran.get(functionIndex);
    if (!inFunction) return instructions;
    const depths = loopDepths(instructions);
    instructions.forEach((here, index) => {
      if (inFunction !== true && !inFunction(index)) return;
      const site = { instructions, index, loopDepth: depths[index]! };
      for (const operator of wanted) {
        for (const variant of operator.variants(site)) {
          sites.push({
            operator: operator.id,
            functionIndex,
            instructionIndex: index,
            offset: here.range?.start ?? -1,
            variant: variant.label,
            before: printInstruction(here),
            after: printInstructions(variant.replacement),
            replacement: variant.replacement,
          });
        }
      }
    });
    return instructions;
  });
  return sites;
}

/** The module with one site's instruction replaced. */
export function applySite(bytes: Uint8Array, site: MutationSite): Uint8Array {
  const editor = new ModuleEditor(bytes);
  const changed = editor.mapFunctionBodies((instructions, { functionIndex }) => {
    if (functionIndex !== site.functionIndex) return instructions;
    const at = instructions[site.instructionIndex];
    if (!at || (at.range?.start ?? -1) !== site.offset) {
      throw new Error(`site ${site.functionIndex}@${site.offset} is not where it was found`);
    }
    return [
      ...instructions.slice(0, site.instructionIndex),
      ...site.replacement,
      ...instructions.slice(site.instructionIndex + 1),
    ];
  });
  if (changed !== 1) throw new Error(`expected one body to change, ${changed} did`);
  return editor.toBytes();
}

export interface SampledMutant {
  site: MutationSite;
  bytes: Uint8Array;
}

export interface SampleStats {
  /** Sites the operator has in the functions that ran. */
  sites: number;
  /** Candidates tried that gave an invalid module (skipped). */
  invalid: number;
  /** Candidates whose module was byte-identical to one already taken (skipped). */
  duplicates: number;
  sampled: number;
}

/**
 * Up to `perOperator` valid, distinct mutants per operator, in a seeded order. `taken` holds
 * the hashes of mutants already taken for this plugin, across operators.
 */
export function sampleMutants(
  bytes: Uint8Array,
  sites: readonly MutationSite[],
  operator: OperatorId,
  perOperator: number,
  seed: number,
  taken: Set<string>,
): { mutants: SampledMutant[]; stats: SampleStats } {
  const own = sites.filter((site) => site.operator === operator);
  const stats: SampleStats = { sites: own.length, invalid: 0, duplicates: 0, sampled: 0 };
  const mutants: SampledMutant[] = [];
  for (const site of shuffled(own, deriveSeed(seed, operator))) {
    if (mutants.length >= perOperator) break;
    const mutant = applySite(bytes, site);
    if (!WebAssembly.validate(mutant as Uint8Array<ArrayBuffer>)) {
      stats.invalid++;
      continue;
    }
    const hash = createHash('sha256').update(mutant).digest('hex');
    if (taken.has(hash)) {
      stats.duplicates++;
      continue;
    }
    taken.add(hash);
    mutants.push({ site, bytes: mutant });
  }
  stats.sampled = mutants.length;
  return { mutants, stats };
}

/**
 * What ran, from a coverage run: with `instructions`, only instructions in regions that ran;
 * with `functions`, every instruction of every function that was entered.
 */
export function ranFrom(
  regions: ReadonlyMap<number, readonly number[]>,
  covered: ReadonlyMap<number, readonly number[]>,
  granularity: 'functions' | 'instructions',
): Ran {
  const ran = new Map<number, true | ((instructionIndex: number) => boolean)>();
  for (const [functionIndex, ranStarts] of covered) {
    if (!ranStarts.includes(0)) continue;
    const starts = regions.get(functionIndex) ?? [0];
    const hit = new Set(ranStarts);
    ran.set(
      functionIndex,
      granularity === 'functions' ? true : (index) => instructionRan(starts, hit, index),
    );
  }
  return ran;
}

/** Instructions in the module's bodies, and how many of them ran. */
export function countRan(bytes: Uint8Array, ran: Ran): { total: number; ran: number } {
  let total = 0;
  let covered = 0;
  new ModuleEditor(bytes).mapFunctionBodies((instructions, { functionIndex }) => {
    total += instructions.length;
    const inFunction = ran.get(functionIndex);
    if (inFunction === true) covered += instructions.length;
    else if (inFunction) covered += instructions.filter((_, index) => inFunction(index)).length;
    return instructions;
  });
  return { total, ran: covered };
}
