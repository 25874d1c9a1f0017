/**
 * The fast in-process differential check: the original's run over the fixed plan is the
 * reference; a mutant runs the same plan on a fuel-instrumented copy and is compared step by
 * step. The first step that differs (return code, *output_len, output bytes, a trap or hang,
 * writes outside the buffers, log output, plugin_info text, memory at the end) makes it
 * non-equivalent; one that differs nowhere is presumed equivalent.
 */
import { preparePluginModule, type PluginModule } from '../../src/host/plugin-module.js';
import { hexPreview } from '../../src/util/bytes-text.js';
import {
  planCalls,
  runExercise,
  type ExerciseSettings,
  type Observation,
  type PlannedCall,
  type Step,
} from './exercise.js';
import type { ExerciseInput } from './inputs.js';
import { instrument, MAX_FUEL, type CoverageMode } from './instrument.js';

/** A mutant may burn this many times the original's loop iterations per step, plus the floor. */
const FUEL_FACTOR = 20;
const FUEL_FLOOR = 1_000_000;

/** Memory the differential check lets a module reach by its own memory.grow. */
const DIFFERENTIAL_MEMORY_BYTES = 64 * 1024 * 1024;

export type DifferenceField =
  'outcome' | 'output_len' | 'output' | 'violations' | 'log' | 'text' | 'steps';

export interface Difference {
  /** The step where the mutant first behaved differently. */
  step: string;
  /** That step's input, described (call steps only). */
  input?: string;
  field: DifferenceField;
  original: string;
  mutant: string;
}

export type DifferentialVerdict =
  | { kind: 'equivalent'; steps: number }
  | { kind: 'not-instantiable'; reason: string }
  | {
      kind: 'differs';
      /** The first difference, in the first export whose run differed. */
      difference: Difference;
      /** The first difference in each later export's run that differed too. */
      alsoDiffers: Difference[];
    };

/** One export's part of the exercise: its calls, on an instance of its own, and the steps. */
export interface ReferenceGroup {
  exportName: string;
  plan: PlannedCall[];
  steps: Step[];
}

export interface Reference {
  groups: ReferenceGroup[];
  /** Defined functions of the module. */
  functions: number[];
  /** Where each function's regions start (one region per function with function coverage). */
  regions: Map<number, number[]>;
  /** Per function that ran, the region starts that ran. */
  covered: Map<number, number[]>;
}

/** Calls in the plan, over every export. */
export const plannedCalls = (reference: Reference): number =>
  reference.groups.reduce((sum, group) => sum + group.plan.length, 0);

async function prepare(bytes: Uint8Array): Promise<PluginModule> {
  const prepared = await preparePluginModule(bytes, DIFFERENTIAL_MEMORY_BYTES);
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.plugin;
}

/**
 * Runs the original (instrumented for coverage and fuel) to fix the plan and its reference
 * steps: one run per export, each on a fresh instance (load, plugin_info, plugin_version, the
 * export's calls, cleanup, memory), so that a mutant's difference in one export does not hide
 * what it does to the others.
 */
export async function buildReference(
  bytes: Uint8Array,
  inputs: readonly ExerciseInput[],
  settings: ExerciseSettings,
  coverage: CoverageMode = 'regions',
): Promise<Reference> {
  const instrumented = instrument(bytes, { coverage, fuel: MAX_FUEL });
  const module = await prepare(instrumented.bytes);
  const plan = planCalls(module, inputs, settings);
  const exports = [...new Set(plan.map((call) => call.input.exportName))];
  const groups: ReferenceGroup[] = [];
  const covered = new Map<number, Set<number>>();
  for (const exportName of exports.length > 0 ? exports : ['(none)']) {
    const own = plan.filter((call) => call.input.exportName === exportName);
    const run = runExercise(
      module,
      own,
      settings,
      { budget: () => MAX_FUEL, visit: () => true },
      instrumented.regions,
    );
    const load = run.steps[0]?.observation;
    if (load?.outcome !== 'ok') {
      throw new Error(`the original plugin does not start: ${load?.detail ?? 'no load step'}`);
    }
    groups.push({ exportName, plan: own, steps: run.steps });
    for (const [functionIndex, starts] of run.covered) {
      const into = covered.get(functionIndex) ?? new Set<number>();
      for (const start of starts) into.add(start);
      covered.set(functionIndex, into);
    }
  }
  return {
    groups,
    functions: instrumented.functions,
    regions: instrumented.regions,
    covered: new Map(
      [...covered]
        .sort(([a], [b]) => a - b)
        .map(([functionIndex, starts]) => [functionIndex, [...starts].sort((a, b) => a - b)]),
    ),
  };
}

const budgetFrom = (observation: Observation | undefined): number =>
  Math.min(MAX_FUEL, FUEL_FACTOR * (observation?.fuelUsed ?? 0) + FUEL_FLOOR);

type GroupVerdict =
  | { kind: 'same'; steps: number }
  | { kind: 'not-instantiable'; reason: string }
  | { kind: 'differs'; difference: Difference };

function compareGroup(
  module: PluginModule,
  group: ReferenceGroup,
  settings: ExerciseSettings,
  startFuel: number,
): GroupVerdict {
  let verdict: GroupVerdict | undefined;
  const run = runExercise(module, group.plan, settings, {
    budget: (index) => (index === 0 ? startFuel : budgetFrom(group.steps[index]?.observation)),
    visit: (step, index) => {
      const original = group.steps[index];
      if (!original || original.label !== step.label) {
        verdict = {
          kind: 'differs',
          difference: {
            step: step.label,
            field: 'steps',
            original: original?.label ?? '(no such step)',
            mutant: step.label,
          },
        };
        return false;
      }
      const field = firstDifference(original.observation, step.observation);
      if (!field) return true;
      // Not starting, or plugin_info not returning, is a mutant that cannot be checked at all.
      if ((index === 0 || step.label === 'plugin_info()') && field.field === 'outcome') {
        const { outcome, detail } = step.observation;
        verdict = {
          kind: 'not-instantiable',
          reason: `${step.label}: ${outcome}${detail ? ` (${detail})` : ''}`,
        };
        return false;
      }
      verdict = {
        kind: 'differs',
        difference: { step: step.label, ...(step.input ? { input: step.input } : {}), ...field },
      };
      return false;
    },
  });
  if (verdict) return verdict;
  if (run.steps.length !== group.steps.length) {
    return {
      kind: 'differs',
      difference: {
        step: run.steps.at(-1)?.label ?? '(none)',
        field: 'steps',
        original: `${group.steps.length} steps`,
        mutant: `${run.steps.length} steps`,
      },
    };
  }
  return { kind: 'same', steps: run.steps.length };
}

export async function differential(
  mutant: Uint8Array,
  reference: Reference,
  settings: ExerciseSettings,
): Promise<DifferentialVerdict> {
  // Every group's load burns the same fuel: the first one's sets the start budget.
  const startFuel = budgetFrom(reference.groups[0]?.steps[0]?.observation);
  let module: PluginModule;
  try {
    module = await prepare(instrument(mutant, { fuel: startFuel }).bytes);
  } catch (error) {
    return { kind: 'not-instantiable', reason: `does not compile: ${(error as Error).message}` };
  }
  const differences: Difference[] = [];
  let steps = 0;
  for (const group of reference.groups) {
    const verdict = compareGroup(module, group, settings, startFuel);
    if (verdict.kind === 'not-instantiable') {
      if (differences.length === 0) return verdict;
      differences.push({
        step: `${group.exportName}: load`,
        field: 'outcome',
        original: 'ok',
        mutant: verdict.reason,
      });
    } else if (verdict.kind === 'differs') differences.push(verdict.difference);
    else steps += verdict.steps;
  }
  const [first, ...rest] = differences;
  return first
    ? { kind: 'differs', difference: first, alsoDiffers: rest }
    : { kind: 'equivalent', steps };
}

const clip = (text: string, max = 160): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

function describeOutputDifference(original: Uint8Array, mutant: Uint8Array): [string, string] {
  let at = 0;
  while (at < original.length && at < mutant.length && original[at] === mutant[at]) at++;
  const around = (bytes: Uint8Array): string =>
    bytes.length <= at
      ? `${bytes.length} bytes, ending before byte ${at}`
      : `${bytes.length} bytes, byte ${at} = 0x${bytes[at]!.toString(16).padStart(2, '0')} (from ${at}: ${hexPreview(bytes.subarray(at), 12)})`;
  return [around(original), around(mutant)];
}

/** The first observable that differs, in the order a host would notice it. */
export function firstDifference(
  original: Observation,
  mutant: Observation,
): Pick<Difference, 'field' | 'original' | 'mutant'> | undefined {
  if (original.outcome !== mutant.outcome) {
    const show = (o: Observation): string =>
      o.detail ? `${o.outcome} (${clip(o.detail)})` : o.outcome;
    return { field: 'outcome', original: show(original), mutant: show(mutant) };
  }
  if (original.cell !== mutant.cell) {
    return { field: 'output_len', original: String(original.cell), mutant: String(mutant.cell) };
  }
  const a = original.output ?? new Uint8Array(0);
  const b = mutant.output ?? new Uint8Array(0);
  if (Buffer.compare(a, b) !== 0) {
    const [left, right] = describeOutputDifference(a, b);
    return { field: 'output', original: left, mutant: right };
  }
  const violations = (o: Observation): string => o.violations.join('; ') || 'none';
  if (violations(original) !== violations(mutant)) {
    return {
      field: 'violations',
      original: clip(violations(original)),
      mutant: clip(violations(mutant)),
    };
  }
  if (original.log !== mutant.log) {
    return {
      field: 'log',
      original: clip(JSON.stringify(original.log)),
      mutant: clip(JSON.stringify(mutant.log)),
    };
  }
  if (original.text !== mutant.text) {
    return {
      field: 'text',
      original: clip(String(original.text)),
      mutant: clip(String(mutant.text)),
    };
  }
  return undefined;
}
