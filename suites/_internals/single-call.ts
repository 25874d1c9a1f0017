import type fc from 'fast-check';
import { DEFAULT_PLACEMENT, type LayoutKind } from '../../src/abi/buffer-layout.js';
import {
  dropOutputs,
  runCallCase,
  type CallCase,
  type CallCaseRun,
} from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import type { CapacityChoice } from '../../src/abi/capacity.js';
import { describeCall, describeCase } from '../../src/abi/describe-call.js';
import type { CallOutcome, PluginInstance } from '../../src/host/plugin-instance.js';
import {
  callCaseArbitrary,
  type CaseEnvironment,
} from '../../src/property/arbitraries/call-case.js';
import type { CallProperty, CaseVerdict } from '../../src/property/call-property.js';
import { caseCodeOf } from '../../src/property/census.js';
import type { PluginSession } from '../../src/property/session.js';

/** Every placement the host can make: for rules about any call, whatever its buffers' places. */
export const ALL_LAYOUTS: readonly LayoutKind[] = [
  'apart',
  'output-first',
  'adjacent',
  'adjacent-reversed',
  'output-at-end',
  'input-at-end',
];

export interface SingleCallOptions {
  /**
   * Where buffers may go: each rule uses the placements whose failures are its own, and
   * 'aligned' (8-aligned, apart) for rules that are not about placement.
   */
  layouts: readonly LayoutKind[] | 'aligned';
  appliesTo?: (shape: CallShape) => boolean;
  /** Force a capacity choice (e.g. always below the needed size). */
  capacity?: fc.Arbitrary<CapacityChoice>;
  /**
   * The capacities the spec's edge inputs run at, each input at each (default: ample). Given, a
   * rule that forces its capacity runs them too, at these.
   */
  edgeCapacities?: readonly CapacityChoice[];
  /**
   * Also run first, as exploration ran them (default placement, ample room), the inputs that
   * trapped `process` during exploration: a trap it saw is then reported whatever the
   * generators reach.
   */
  exploredTraps?: boolean;
  /**
   * Also run first, the same way, the inputs exploration saw `process` accept: a plugin with
   * a format the generators seldom meet has then been given some input it takes.
   */
  exploredAccepted?: boolean;
  /** Replace the generated input (e.g. only invalid UTF-8). */
  arbitrary?: (shape: CallShape, env: CaseEnvironment) => fc.Arbitrary<CallCase>;
  alwaysProbe?: boolean;
  /** Keep the probe's output (rules that compare against the ample-capacity result). */
  keepProbeOutput?: boolean;
  /** False for rules fed only input a plugin must reject: their census says nothing. */
  census?: boolean;
  judge(run: CallCaseRun, context: JudgeContext): CaseVerdict;
}

export interface JudgeContext {
  shape: CallShape;
  testCase: CallCase;
  env: CaseEnvironment;
  session: PluginSession;
  /** Runs a variant of the case on the same instance (a new one if that one is poisoned). */
  rerun: (variant: Partial<CallCase>) => CallCaseRun;
  /** Runs a variant of the case on a new instance: no call before it (to tell history apart). */
  rerunFresh: (variant: Partial<CallCase>) => CallCaseRun;
}

/** A property about one generated call: run it with guards, then judge what happened. */
export function singleCallProperty(options: SingleCallOptions): CallProperty<CallCase> {
  let lastRun: CallCaseRun | undefined;
  return {
    ...(options.appliesTo ? { appliesTo: options.appliesTo } : {}),
    ...(options.census === false ? { census: false } : {}),
    arbitrary: (shape, env) => {
      const base =
        options.arbitrary?.(shape, env) ??
        (options.layouts === 'aligned'
          ? callCaseArbitrary(shape, env, ['apart']).map((c) => ({
              ...c,
              placement: DEFAULT_PLACEMENT,
            }))
          : callCaseArbitrary(shape, env, options.layouts));
      const capacity = options.capacity;
      return capacity
        ? base.chain((c) => capacity.map((room) => ({ ...c, capacity: room })))
        : base;
    },
    // The spec's edge inputs, for rules that take the generated cases as they come: a rule
    // that replaces the input, or forces a capacity without naming the edge inputs' own, has
    // cases of its own kind.
    ...(options.arbitrary || (options.capacity && !options.edgeCapacities)
      ? {}
      : {
          examples: (shape, env, ruleId) => [
            ...edgeCallCases(shape, env, options.layouts, ruleId, options.edgeCapacities),
            ...(shape.exportName === 'process'
              ? [
                  ...(options.exploredTraps ? (env.trapped ?? []) : []),
                  ...(options.exploredAccepted ? (env.accepted ?? []) : []),
                ].map((input): CallCase => ({
                  input,
                  placement: DEFAULT_PLACEMENT,
                  capacity: { kind: 'ample' },
                }))
              : []),
          ],
        }),
    check: (session, shape, testCase, env) => {
      // Outputs are copied only if the judge reads them (most judge codes and guards alone),
      // and dropped once it has judged: nothing reads them after that.
      const runOptions = {
        alwaysProbe: options.alwaysProbe ?? false,
        keepProbeOutput: options.keepProbeOutput ?? false,
        lazyOutput: true,
      };
      const run = runCallCase(session.current(), shape, testCase, env.maxInputBytes, runOptions);
      lastRun = run;
      // Whether the input got past the plugin's input check: the ample-capacity probe says so
      // when there was one (a case below the needed capacity gets -3 by design).
      session.record(caseCodeOf((run.probe ?? run.main).outcome));
      const reruns: CallCaseRun[] = [];
      // A rerun of the same input needs no second probe: the first one learned its size.
      const sameInput = {
        ...runOptions,
        ...(run.needed !== undefined ? { knownNeeded: run.needed } : {}),
      };
      const rerunOn = (plugin: PluginInstance, variant: Partial<CallCase>): CallCaseRun => {
        const again = runCallCase(
          plugin,
          shape,
          { ...testCase, ...variant },
          env.maxInputBytes,
          variant.input === undefined ? sameInput : runOptions,
        );
        reruns.push(again);
        return again;
      };
      const rerun = (variant: Partial<CallCase>) => rerunOn(session.current(), variant);
      const rerunFresh = (variant: Partial<CallCase>) => rerunOn(session.fresh(), variant);
      try {
        const verdict = options.judge(run, { shape, testCase, env, session, rerun, rerunFresh });
        if (verdict.kind === 'violation' && !verdict.call) {
          return { ...verdict, call: describeCall(shape, run, testCase.input.length) };
        }
        return verdict;
      } finally {
        dropOutputs(run);
        for (const again of reruns) dropOutputs(again);
      }
    },
    inputOf: (testCase) => testCase.input,
    describe: (_shape, testCase) => describeCase(testCase, lastRun),
  };
}

/**
 * One case per edge input and capacity (ample unless the rule says): at the default
 * placement, or with the input ending at the end of memory when the rule places it there (a
 * read past its last byte traps there, where elsewhere it reads the host's other bytes unseen),
 * or at the default placement and then with the output at the end when the rule places that
 * there (a write that runs on until it traps proves nothing elsewhere). None for a params struct; an input that names its rules only in those.
 */
export function edgeCallCases(
  shape: CallShape,
  env: CaseEnvironment,
  layouts: SingleCallOptions['layouts'],
  ruleId: string,
  capacities: readonly CapacityChoice[] = [{ kind: 'ample' }],
): CallCase[] {
  if (shape.params) return [];
  const placed: LayoutKind[] =
    layouts === 'aligned'
      ? [DEFAULT_PLACEMENT.layout]
      : layouts.includes('input-at-end')
        ? ['input-at-end']
        : layouts.includes('output-at-end') && layouts[0] !== 'output-at-end'
          ? // Apart first, where a stray write shows as the bytes it changed; at the end next,
            // where one that runs on until it traps still proves itself.
            [layouts[0]!, 'output-at-end']
          : [layouts[0]!];
  return placed.flatMap((layout) => {
    const placement = { ...DEFAULT_PLACEMENT, layout };
    return edgeInputsFor(env, ruleId).flatMap((input) =>
      capacities.map((capacity) => ({ input, placement, capacity })),
    );
  });
}

/** Edge inputs one element short of their output: an output that outgrows the room it checked. */
export const ONE_SHORT: readonly CapacityChoice[] = [{ kind: 'short', by: 1 }];
/** Edge inputs with room to spare, then one element short. */
export const AMPLE_AND_ONE_SHORT: readonly CapacityChoice[] = [{ kind: 'ample' }, ...ONE_SHORT];
/**
 * Room for the output and no more, then one to three elements over: where a writer that rounds
 * its stores up to a word (a 4-byte store per character, a u64 copy loop) spills past the
 * buffer, because its fast path checks for some slack but not for a whole word of it.
 */
export const TIGHT_FITS: readonly CapacityChoice[] = [
  { kind: 'exact' },
  { kind: 'above', extra: 1 },
  { kind: 'above', extra: 2 },
  { kind: 'above', extra: 3 },
];
/** Exactly the needed size, and one short of it: where -3 must and must not come. */
export const EXACT_AND_ONE_SHORT: readonly CapacityChoice[] = [{ kind: 'exact' }, ...ONE_SHORT];

/** The edge inputs a rule runs: those for every rule, and those that name it. */
export function edgeInputsFor(env: CaseEnvironment, ruleId: string): Uint8Array[] {
  return (env.edgeInputs ?? [])
    .filter((edge) => edge.rules === undefined || edge.rules.includes(ruleId))
    .map((edge) => edge.bytes);
}

export const inconclusive = (outcome: CallOutcome): CaseVerdict => ({
  kind: 'inconclusive',
  why: outcome.kind,
});

/** A case the rule cannot judge because of a choice the spec allows the plugin. */
export const allowedInconclusive = (why: string): CaseVerdict => ({
  kind: 'inconclusive',
  why,
  allowed: true,
});

/** The return code, or undefined when the call did not return one. */
export const returnCode = (run: CallCaseRun): number | undefined =>
  run.main.outcome.kind === 'returned' ? run.main.outcome.value : undefined;

/** Bytes of output a successful call says it wrote (none after an error code). */
export function writtenBytes(run: CallCaseRun, shape: CallShape): Uint8Array {
  if (returnCode(run) !== 0) return new Uint8Array(0);
  if (shape.sizing !== 'capacity-cell') return run.main.output;
  return run.main.output.subarray(0, (run.main.cellAfter ?? 0) * shape.elementBytes);
}
