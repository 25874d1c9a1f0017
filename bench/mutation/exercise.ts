/**
 * Drives one module through the host's life in-process, the same way every time: load
 * (instantiate, _initialize, init), plugin_info, plugin_version, every planned call, cleanup,
 * and the memory size at the end. Each step is an Observation; the differential check compares
 * a mutant's steps with the original's and stops at the first that differs.
 *
 * It uses the real host (src/host: WASI, host_log, the memory guard) and the real call helpers
 * (src/abi: guard bytes, placements, alloc arenas), on an instrumented copy whose loops burn
 * fuel, so a mutant that never returns ends as a hang after a bounded number of iterations.
 */
import { DEFAULT_PLACEMENT, OUTPUT_FILL, type Placement } from '../../src/abi/buffer-layout.js';
import { ampleCapacity } from '../../src/abi/capacity.js';
import { callWithCapacity, derivedOutputBytes } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { guardedCall, type GuardedCallResult } from '../../src/abi/guarded-call.js';
import { readPluginInfo } from '../../src/abi/plugin-info.js';
import { encodeStruct } from '../../src/abi/struct.js';
import { startPlugin, type PluginSetup } from '../../src/host/lifecycle.js';
import type { CallOutcome, PluginInstance } from '../../src/host/plugin-instance.js';
import type { PluginModule } from '../../src/host/plugin-module.js';
import { DEFAULT_CLOCK_START_NS } from '../../src/host/wasi-preview1.js';
import type { SpecIndex } from '../../src/spec-model/spec-index.js';
import { WASM_PAGE_BYTES } from '../../src/wasm/page.js';
import { describeInput, type ExerciseInput } from './inputs.js';
import { coveredRegions, fuelGlobal, MAX_FUEL } from './instrument.js';

export interface ExerciseSettings {
  spec: SpecIndex;
  /** Seeds the plugin's randomness (WASI random_get), as the gate's seed does. */
  seed: number;
  maxLogBytesPerCall: number;
  /** Derived output sizes past this many bytes (times 4) get a small decoy buffer. */
  maxInputBytes: number;
  shapes: ReadonlyMap<string, CallShape>;
}

/** One call of the plan: an input, where its buffers go, and (capacity-cell exports) the capacity. */
export interface PlannedCall {
  input: ExerciseInput;
  placementName: string;
  placement: Placement;
  /** Capacity in elements, with what it is relative to the original's needed size. */
  capacity?: { value: number; relation: string };
}

/** What one step did, as far as the host can see. */
export interface Observation {
  /** `ok`, `returned 0`, `trapped`, `hang`, `stopped memory-bomb`, `blocked`, `failed init`. */
  outcome: string;
  /** The trap message or the reason, for the report; not compared. */
  detail?: string;
  /** The output-length cell after the call. */
  cell?: number;
  output?: Uint8Array;
  /** Writes outside the buffers, a modified input, host_log misuse. */
  violations: string[];
  /** host_log messages, stdout and stderr written during the step. */
  log: string;
  /** plugin_info's text, plugin_version's value, the memory size at the end. */
  text?: string;
  /** Loop iterations the step ran (fuel burnt). */
  fuelUsed: number;
}

export interface Step {
  label: string;
  /** The input of a call step, described, for the report. */
  input?: string;
  observation: Observation;
}

const PLACEMENTS: ReadonlyArray<{ name: string; placement: Placement }> = [
  { name: 'apart', placement: DEFAULT_PLACEMENT },
  {
    name: 'adjacent',
    placement: { layout: 'adjacent', misalign: { input: 0, output: 0, cell: 0, params: 0 } },
  },
  {
    name: 'output at the end of memory',
    placement: { layout: 'output-at-end', misalign: { input: 0, output: 0, cell: 0, params: 0 } },
  },
  {
    name: 'apart, misaligned',
    placement: { layout: 'apart', misalign: { input: 1, output: 3, cell: 2, params: 1 } },
  },
];

const CAPTURE_LIMIT = 16 * 1024;

/** A sequence of instances of one module: a trapped instance is replaced, as Zenith would. */
class Session {
  private current: PluginInstance | undefined;
  readonly instances: PluginInstance[] = [];

  constructor(
    private readonly module: PluginModule,
    private readonly settings: ExerciseSettings,
  ) {}

  start(): PluginSetup {
    const setup = startPlugin(this.module, {
      determinism: { randomSeed: this.settings.seed, clockStartNs: DEFAULT_CLOCK_START_NS },
      captureLimit: CAPTURE_LIMIT,
      maxLogBytesPerCall: this.settings.maxLogBytesPerCall,
    });
    if (setup.ok) {
      this.current = setup.instance;
      this.instances.push(setup.instance);
    }
    return setup;
  }

  /** The live instance, restarted when the last one was poisoned. */
  instance(): PluginInstance | undefined {
    if (this.current?.poisoned) {
      this.current = undefined;
      this.start();
    }
    return this.current;
  }
}

function describeOutcome(outcome: CallOutcome, fuel: WebAssembly.Global | undefined) {
  switch (outcome.kind) {
    case 'returned':
      return { outcome: `returned ${outcome.value ?? '(nothing)'}` };
    case 'trapped':
      return fuel && fuel.value === 0
        ? {
            outcome: 'hang',
            detail: 'ran out of loop fuel (far more iterations than the original)',
          }
        : { outcome: 'trapped', detail: outcome.message };
    case 'stopped':
      return { outcome: `stopped ${outcome.reason}`, detail: outcome.detail };
    case 'blocked':
      return { outcome: 'blocked', detail: outcome.reason };
  }
}

/**
 * Runs `step` on an instance with `budget` fuel and turns what happened into an Observation.
 */
function observe(
  plugin: PluginInstance,
  budget: number,
  step: () => { outcome: CallOutcome; result?: GuardedCallResult; text?: string },
): Observation {
  const fuel = fuelGlobal(plugin.instance);
  if (fuel) fuel.value = budget;
  const mark = plugin.capture.mark();
  const violationsBefore = plugin.capture.violations.length;
  const { outcome, result, text } = step();
  const written = plugin.capture.since(mark);
  const observation: Observation = {
    ...describeOutcome(outcome, fuel),
    violations: [
      ...(result?.violations ?? []),
      ...plugin.capture.violations
        .slice(violationsBefore)
        .map((violation) => `${violation.kind}: ${violation.detail}`),
    ],
    log: [...written.log, written.stdout, written.stderr].filter(Boolean).join('\n'),
    fuelUsed: fuel ? budget - (fuel.value as number) : 0,
  };
  if (result?.cellAfter !== undefined) observation.cell = result.cellAfter;
  if (result && outcome.kind === 'returned') observation.output = result.output;
  if (text !== undefined) observation.text = text;
  return observation;
}

function callOnce(
  plugin: PluginInstance,
  shape: CallShape,
  planned: PlannedCall,
  settings: ExerciseSettings,
): GuardedCallResult {
  const { input, fields } = planned.input;
  if (shape.params) {
    return guardedCall(plugin, {
      exportName: shape.exportName,
      roles: shape.roles,
      input,
      outputBytes: derivedOutputBytes(shape, fields ?? {}, settings.maxInputBytes),
      params: encodeStruct(shape.params.struct, fields ?? {}),
      placement: planned.placement,
      outputFill: OUTPUT_FILL,
    });
  }
  return callWithCapacity(plugin, shape, input, planned.capacity?.value ?? 0, planned.placement);
}

const callLabel = (planned: PlannedCall): string =>
  `${planned.input.exportName}(${planned.input.name}` +
  (planned.capacity ? `, capacity ${planned.capacity.value} (${planned.capacity.relation})` : '') +
  `, ${planned.placementName})`;

/** How the steps of a run are budgeted and judged: return false to stop the run there. */
export interface RunControl {
  /** Fuel for step `index`. */
  budget(index: number): number;
  visit(step: Step, index: number): boolean;
}

export interface RunResult {
  steps: Step[];
  /** Per function that ran, the starts of the regions that ran (with coverage globals). */
  covered: Map<number, number[]>;
}

/** The whole life of the module over the plan, step by step, as long as `control` wants. */
export function runExercise(
  module: PluginModule,
  plan: readonly PlannedCall[],
  settings: ExerciseSettings,
  control: RunControl,
  coverage?: ReadonlyMap<number, readonly number[]>,
): RunResult {
  const session = new Session(module, settings);
  const steps: Step[] = [];
  const finish = (): RunResult => ({
    steps,
    covered: coverage ? unionCoverage(session.instances, coverage) : new Map<number, number[]>(),
  });
  const record = (step: Step): boolean => {
    steps.push(step);
    return control.visit(step, steps.length - 1);
  };

  const setup = session.start();
  const started: Observation = setup.ok
    ? {
        outcome: 'ok',
        violations: [],
        log: '',
        text: `init ${setup.initCode ?? '(not exported)'}`,
        fuelUsed: 0,
      }
    : {
        outcome: `failed ${setup.stage}`,
        detail: setup.message,
        violations: [],
        log: '',
        fuelUsed: 0,
      };
  if (setup.ok) {
    const fuel = fuelGlobal(setup.instance.instance);
    started.fuelUsed = fuel ? control.budget(0) - (fuel.value as number) : 0;
  }
  if (
    !record({ label: 'load (instantiate, _initialize, init)', observation: started }) ||
    !setup.ok
  ) {
    return finish();
  }

  const lifecycle = (
    label: string,
    name: string,
    read: (plugin: PluginInstance) => { outcome: CallOutcome; text: string },
  ): boolean => {
    const plugin = session.instance();
    if (!plugin || !plugin.hasFunction(name)) return true;
    return record({
      label,
      observation: observe(plugin, control.budget(steps.length), () => read(plugin)),
    });
  };
  const info = (plugin: PluginInstance) => {
    const read = readPluginInfo(plugin, settings.spec);
    // The text is compared, not the address it is at.
    if (read.ok)
      return { outcome: { kind: 'returned', value: undefined } as const, text: read.text };
    return {
      outcome: read.outcome ?? ({ kind: 'returned', value: undefined } as const),
      text: `${read.where}: ${read.found}`,
    };
  };
  const version = (plugin: PluginInstance) => {
    const outcome = plugin.call('plugin_version');
    return { outcome, text: outcome.kind === 'returned' ? String(outcome.value) : outcome.kind };
  };
  if (!lifecycle('plugin_info()', 'plugin_info', info)) return finish();
  if (!lifecycle('plugin_version()', 'plugin_version', version)) return finish();

  for (const planned of plan) {
    const plugin = session.instance();
    if (!plugin) break;
    const shape = settings.shapes.get(planned.input.exportName)!;
    const observation = observe(plugin, control.budget(steps.length), () => {
      const result = callOnce(plugin, shape, planned, settings);
      return { outcome: result.outcome, result };
    });
    if (!record({ label: callLabel(planned), input: describeInput(planned.input), observation })) {
      return finish();
    }
  }

  const last = session.instance();
  if (last?.hasFunction('cleanup')) {
    const observation = observe(last, control.budget(steps.length), () => ({
      outcome: last.call('cleanup'),
    }));
    if (!record({ label: 'cleanup()', observation })) return finish();
  }
  const pages = Math.floor((session.instance()?.memoryBytes ?? 0) / WASM_PAGE_BYTES);
  record({
    label: 'memory after the run',
    observation: { outcome: 'ok', violations: [], log: '', text: `${pages} pages`, fuelUsed: 0 },
  });
  return finish();
}

function unionCoverage(
  instances: readonly PluginInstance[],
  regions: ReadonlyMap<number, readonly number[]>,
): Map<number, number[]> {
  const union = new Map<number, Set<number>>();
  for (const plugin of instances) {
    for (const [functionIndex, starts] of coveredRegions(plugin.instance, regions)) {
      const into = union.get(functionIndex) ?? new Set<number>();
      for (const start of starts) into.add(start);
      union.set(functionIndex, into);
    }
  }
  return new Map(
    [...union]
      .sort(([a], [b]) => a - b)
      .map(([functionIndex, starts]) => [functionIndex, [...starts].sort((a, b) => a - b)]),
  );
}

/**
 * The calls of the exercise: each input once with ample room at a rotating placement and,
 * for capacity-cell exports, again with what the original needed: exactly, one less, half,
 * and zero (and the capacity it asked for with -3, when ample was not enough).
 */
export function planCalls(
  module: PluginModule,
  inputs: readonly ExerciseInput[],
  settings: ExerciseSettings,
): PlannedCall[] {
  const session = new Session(module, settings);
  const setup = session.start();
  if (!setup.ok) throw new Error(`the original plugin does not start: ${setup.message}`);
  const plan: PlannedCall[] = [];
  inputs.forEach((input, index) => {
    const { name: placementName, placement } = PLACEMENTS[index % PLACEMENTS.length]!;
    const shape = settings.shapes.get(input.exportName)!;
    if (shape.params) {
      plan.push({ input, placementName, placement });
      return;
    }
    const plugin = session.instance();
    if (!plugin) throw new Error('the original plugin does not restart');
    const fuel = fuelGlobal(plugin.instance);
    if (fuel) fuel.value = MAX_FUEL;
    const ample = ampleCapacity(shape, input.input.length);
    const capacities: Array<{ value: number; relation: string }> = [
      { value: ample, relation: 'ample' },
    ];
    let result = callWithCapacity(plugin, shape, input.input, ample, placement);
    if (
      result.outcome.kind === 'returned' &&
      result.outcome.value === -3 &&
      result.cellAfter !== undefined &&
      result.cellAfter > ample
    ) {
      capacities.push({ value: result.cellAfter, relation: 'as asked with -3' });
      if (fuel) fuel.value = MAX_FUEL;
      result = callWithCapacity(plugin, shape, input.input, result.cellAfter, placement);
    }
    const needed =
      result.outcome.kind === 'returned' && result.outcome.value === 0
        ? result.cellAfter
        : undefined;
    if (needed !== undefined) {
      capacities.push({ value: needed, relation: 'exact' });
      if (needed >= 1) capacities.push({ value: needed - 1, relation: 'needed - 1' });
      capacities.push({ value: Math.floor(needed / 2), relation: 'half the needed size' });
      capacities.push({ value: 0, relation: 'zero' });
    }
    const seen = new Set<number>();
    for (const capacity of capacities) {
      if (seen.has(capacity.value)) continue;
      seen.add(capacity.value);
      plan.push({ input, placementName, placement, capacity });
    }
  });
  return plan;
}
