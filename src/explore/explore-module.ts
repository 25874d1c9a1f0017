import { DEFAULT_PLACEMENT } from '../abi/buffer-layout.js';
import { runCallCase } from '../abi/call-case.js';
import { callShapeOf } from '../abi/call-shape.js';
import type { CallWatch } from '../host/call-watch.js';
import { startPlugin } from '../host/lifecycle.js';
import { WorkMeter } from '../host/work-meter.js';
import type { HostStopRecord, PluginInstance } from '../host/plugin-instance.js';
import { preparePluginModule } from '../host/plugin-module.js';
import { DEFAULT_CLOCK_START_NS } from '../host/wasi-preview1.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { harvestDictionary } from '../wasm/dictionary.js';
import { CoverageMap, instrumentCoverage } from './coverage.js';
import { exploreLoop, type RunOutcome } from './explore-loop.js';
import type { ExploreSettings } from './explore-protocol.js';

export interface ExploreModuleOptions extends ExploreSettings {
  /** The supervisor's call watch, when a supervisor watches (the worker always has one). */
  watch?: CallWatch;
  onKept?: (input: Uint8Array, iteration: number) => void;
  onProgress?: (progress: ExploreProgress) => void;
}

export interface ExploreProgress {
  iterations: number;
  blocks: number;
  blocksReached: number;
}

export interface ExploreModuleResult extends ExploreProgress {
  kept: Uint8Array[];
  /** Inputs `process` accepted with output (ExploreLoopResult.accepted). */
  accepted: Uint8Array[];
  /** Inputs that trapped and reached new blocks (MAX_TRAPPED at most). */
  trapped: Uint8Array[];
  stopped?: string;
}

/**
 * Traps in a row after which exploration ends: a plugin that traps on everything it is given
 * has no code past the trap to find, each trap costs a fresh instance (a stack overflow
 * milliseconds more), and the rules report the trap with a shrunk case.
 */
const MAX_TRAPS_IN_A_ROW = 64;

/**
 * The work the default exploration may spend (function entries and loop iterations): about
 * 2.1 billion, thousands of times what its 3000 calls cost on a reference plugin (0.6 million
 * at most), and 128 calls of a plugin whose every call zeroes a 64 MiB table.
 */
export const EXPLORE_WORK = 2 ** 31;

const describeStop = (stop: HostStopRecord): string =>
  `the host stopped a call (${stop.reason === 'memory-bomb' ? 'memory past the limit' : 'a log flood'}): exploration ended there`;

/**
 * Explores a module's `process` here, in this thread: instruments a copy with block coverage,
 * runs it through the host (guarded memory, deterministic clock and randomness, one instance
 * until a call traps) and the abi's runCallCase with ample room, and runs the loop. The
 * exploration worker calls this under a supervisor; tests call it directly.
 */
export async function exploreModule(
  bytes: Uint8Array,
  options: ExploreModuleOptions,
): Promise<ExploreModuleResult> {
  const none = (blocks: number, stopped: string): ExploreModuleResult => ({
    iterations: 0,
    blocks,
    blocksReached: 0,
    kept: [],
    accepted: [],
    trapped: [],
    stopped,
  });
  const instrumented = instrumentCoverage(bytes);
  if (!instrumented.ok) return none(0, `cannot instrument the module: ${instrumented.reason}`);
  const prepared = await preparePluginModule(instrumented.bytes, options.maxMemoryBytes, {
    countWork: true,
  });
  if (!prepared.ok) return none(instrumented.blocks, prepared.message);
  const shape = callShapeOf(new SpecIndex(loadSpec()), 'process');
  const coverage = new CoverageMap(instrumented.words);
  const progress = (iterations: number): ExploreProgress => ({
    iterations,
    blocks: instrumented.blocks,
    blocksReached: coverage.reached,
  });
  options.onProgress?.(progress(0));
  let hostStop: HostStopRecord | undefined;
  let instance: PluginInstance | undefined;
  let globals: WebAssembly.Global[] = [];
  let cannotStart: string | undefined;
  /** Calls in a row that trapped. */
  let traps = 0;
  const work = new WorkMeter();

  const start = (): PluginInstance | undefined => {
    const setup = startPlugin(prepared.plugin, {
      determinism: { randomSeed: options.seed, clockStartNs: DEFAULT_CLOCK_START_NS },
      captureLimit: 1024,
      maxLogBytesPerCall: options.maxLogBytesPerCall,
      watch: options.watch,
      onStop: (stop) => {
        hostStop = stop;
      },
      work,
    });
    if (!setup.ok) {
      cannotStart = `the plugin could not be started (${setup.stage}): ${setup.message}`;
      return undefined;
    }
    globals = CoverageMap.globalsOf(setup.instance.instance.exports, instrumented.words);
    // Blocks reached while starting are no input's doing.
    for (const global of globals) global.value = 0;
    return setup.instance;
  };

  const target = {
    run(input: Uint8Array, iteration: number): RunOutcome {
      if (!instance || instance.poisoned) instance = start();
      if (!instance) return { fresh: 0, stopped: cannotStart ?? 'the plugin could not be started' };
      options.watch?.setCase(options.seed, iteration, input);
      const workBefore = work.spent;
      const run = runCallCase(
        instance,
        shape,
        { input, placement: DEFAULT_PLACEMENT, capacity: { kind: 'ample' } },
        options.maxInputBytes,
      );
      const { outcome } = run.main;
      // Accepted with some output: an empty output shows nothing of the state behind it.
      const accepted =
        outcome.kind === 'returned' && outcome.value === 0 && run.main.output.length > 0;
      // One instance takes every call: its per-call records would grow without bound.
      instance.capture.bytesPerCall.length = 0;
      instance.capture.violations.length = 0;
      const fresh = coverage.collect(globals);
      const spent = { work: work.spent - workBefore };
      if (hostStop) return { fresh, stopped: describeStop(hostStop), ...spent };
      traps = instance.poisoned ? traps + 1 : 0;
      if (traps >= MAX_TRAPS_IN_A_ROW) {
        return {
          fresh,
          stopped: `\`process\` trapped on ${MAX_TRAPS_IN_A_ROW} explored inputs in a row: exploration ended there (the call rules report the trap)`,
        };
      }
      if (instance.poisoned) return { fresh, trapped: true, ...spent };
      return accepted ? { fresh, accepted, ...spent } : { fresh, ...spent };
    },
  };

  const result = exploreLoop(target, {
    seed: options.seed,
    // A count of calls is capped by their work too (a time budget is ended by time alone).
    budget:
      options.budget.timeMs === undefined
        ? { work: EXPLORE_WORK, ...options.budget }
        : options.budget,
    maxInputBytes: options.maxInputBytes,
    whitespace: options.whitespace,
    dictionary: harvestDictionary(bytes, { maxTokens: 512 }),
    samples: options.samples,
    ...(options.onKept ? { onKept: options.onKept } : {}),
    onProgress: (iterations) => options.onProgress?.(progress(iterations)),
    progressEvery: 1000,
  });
  return {
    ...progress(result.iterations),
    kept: result.kept,
    accepted: result.accepted,
    trapped: result.trapped,
    ...(result.stopped !== undefined ? { stopped: result.stopped } : {}),
  };
}
