import fc from 'fast-check';
import type { CapturedText } from '../host/capture.js';
import type { Failure } from '../spec-model/report-types.generated.js';
import { callShapeOf, callableExports, type CallShape } from '../abi/call-shape.js';
import { parseSizeFormula } from '../abi/size-formula.js';
import type { CheckContext } from '../check/context.js';
import { blocked, fail, notApplicable, pass, type CheckOutcome } from '../check/define-check.js';
import { plural } from '../util/bytes-text.js';
import type { CaseEnvironment } from './arbitraries/call-case.js';
import { CensusTally } from './census.js';
import { PluginSession, SessionBlocked } from './session.js';
import { WorkMeter } from '../host/work-meter.js';
import { harvestDictionary } from '../wasm/dictionary.js';
import { withModuleDelimiters } from './module-delimiters.js';
import { WasmDecodeError } from '../wasm/leb128.js';

/** Tokens kept from a module's dictionary (in order of first occurrence). */
const DICTIONARY_TOKENS = 512;

/** What a property concludes from one case. */
export type CaseVerdict =
  | { kind: 'ok' }
  | {
      kind: 'violation';
      expected: string;
      found: string;
      call?: string;
      /** A line diff of expected and found output, when both are text. */
      diff?: string;
    }
  /**
   * The case says nothing either way. `allowed` when the reason is the plugin's own choice the
   * spec allows (it needed no output, it rejected the input): a rule with only such cases does
   * not apply, while one that could not judge for any other reason could not be checked.
   */
  | { kind: 'inconclusive'; why: string; allowed?: boolean };

export const OK: CaseVerdict = { kind: 'ok' };

export interface CallProperty<Case> {
  /** Exports (among the rule's appliesTo) this property can judge; default all. */
  appliesTo?(shape: CallShape): boolean;
  arbitrary(shape: CallShape, env: CaseEnvironment): fc.Arbitrary<Case>;
  check(
    session: PluginSession,
    shape: CallShape,
    testCase: Case,
    env: CaseEnvironment,
  ): CaseVerdict;
  /** The case's input, shown when a call on it hangs (the worker cannot report it then). */
  inputOf?(testCase: Case): Uint8Array | undefined;
  /** One line with everything needed to understand the case. */
  describe(shape: CallShape, testCase: Case): string;
  /** Runs for this property given the run's setting (costly properties run fewer cases). */
  runs?(configured: number): number;
  /** Whether the census of its cases is worth a warning (not for rules fed only bad input). */
  census?: boolean;
  /**
   * Cases run first, before the generated ones, whose number they do not take from: the spec's
   * edge inputs (singleCallProperty builds them). They stay out of the census, which is about
   * what the generators reach.
   */
  examples?(shape: CallShape, env: CaseEnvironment, ruleId: string): Case[];
}

interface FailureRecord<Case> {
  testCase: Case;
  description: string;
  verdict: Extract<CaseVerdict, { kind: 'violation' }>;
  output: CapturedText | undefined;
}

/**
 * Environments by module, one per run setting that shapes it: every rule of a run gets the same
 * object, so the case arbitraries built on it (milliseconds each) are built once per run.
 */
const environments = new WeakMap<
  Uint8Array,
  Array<{ key: readonly unknown[]; env: CaseEnvironment }>
>();

export function caseEnvironment(ctx: CheckContext): CaseEnvironment {
  const key = [
    ctx.spec,
    ctx.limits.maxInputBytes,
    ctx.property.corpus,
    ctx.property.explored,
    ctx.property.accepted,
    ctx.property.trapped,
    ...ctx.spec.profiles.map((profile) => ctx.exportState(profile.export)),
  ];
  let entries = environments.get(ctx.bytes);
  if (!entries) environments.set(ctx.bytes, (entries = []));
  const same = entries.find(
    (entry) => entry.key.length === key.length && entry.key.every((part, i) => part === key[i]),
  );
  if (same) return same.env;
  const env = buildEnvironment(ctx);
  entries.push({ key, env });
  return env;
}

function buildEnvironment(ctx: CheckContext): CaseEnvironment {
  const processInputs = ctx.spec.profiles.flatMap((profile) => {
    if (!profile.processInput || ctx.exportState(profile.export) !== 'ok') return [];
    const header = ctx.spec.structsByName.get(profile.processInput.header);
    if (!header)
      throw new Error(`profile ${profile.name}: no struct ${profile.processInput.header}`);
    return [{ header, payload: parseSizeFormula(profile.processInput.then, header) }];
  });
  return {
    maxInputBytes: ctx.limits.maxInputBytes,
    whitespace: ctx.spec.textWhitespace(),
    processInputs,
    dictionary: dictionaryOf(ctx.bytes),
    edgeInputs: withModuleDelimiters(ctx.spec.edgeInputs(), dictionaryOf(ctx.bytes)).filter(
      (edge) => edge.bytes.length <= ctx.limits.maxInputBytes,
    ),
    ...(ctx.property.corpus?.length ? { corpus: ctx.property.corpus } : {}),
    ...(ctx.property.explored?.length ? { explored: ctx.property.explored } : {}),
    ...(ctx.property.accepted?.length ? { accepted: ctx.property.accepted } : {}),
    ...(ctx.property.trapped?.length ? { trapped: ctx.property.trapped } : {}),
  };
}

/** Dictionaries by module: harvested once per plugin, however many rules ask. */
const dictionaries = new WeakMap<Uint8Array, readonly Uint8Array[]>();

/** The module's fuzzing dictionary (none for bytes that do not decode as a module). */
function dictionaryOf(bytes: Uint8Array): readonly Uint8Array[] {
  let tokens = dictionaries.get(bytes);
  if (!tokens) {
    try {
      tokens = harvestDictionary(bytes, { maxTokens: DICTIONARY_TOKENS });
    } catch (error) {
      if (!(error instanceof WasmDecodeError)) throw error;
      tokens = [];
    }
    dictionaries.set(bytes, tokens);
  }
  return tokens;
}

/** Told of each export's fuzzing as it starts: the arbitrary its cases come from and their count. */
export type PropertyRunObserver = (
  shape: CallShape,
  arbitrary: fc.Arbitrary<unknown>,
  numRuns: number,
  examples: readonly unknown[],
) => void;

let runObserver: PropertyRunObserver | undefined;

/**
 * Watches the property runs of this thread (undefined: stop). For bench/property-throughput.ts,
 * whose bare loop runs the rule's very own arbitrary with the same seed: the same cases.
 */
export function observePropertyRuns(observer: PropertyRunObserver | undefined): void {
  runObserver = observer;
}

/** The exports a property rule will fuzz in this plugin. */
function exportsUnderTest(ctx: CheckContext, property: CallProperty<unknown>): CallShape[] {
  const callable = new Set(callableExports(ctx.spec));
  return ctx.rule.appliesTo
    .filter((name) => callable.has(name) && ctx.exportState(name) === 'ok')
    .filter((name) => !ctx.property.exports || ctx.property.exports.includes(name))
    .map((name) => callShapeOf(ctx.spec, name))
    .filter((shape) => property.appliesTo?.(shape) ?? true);
}

/**
 * Runs a property over every export it applies to with fast-check: generated cases, shrinking
 * to a minimal counterexample, and a replay command with the seed and path that reproduce it.
 */
export function checkCallProperty<Case>(
  ctx: CheckContext,
  property: CallProperty<Case>,
): CheckOutcome {
  const shapes = exportsUnderTest(ctx, property);
  if (shapes.length === 0) {
    const names = ctx.rule.appliesTo.map((name) => `\`${name}\``).join(', ');
    return notApplicable(
      `none of ${names} is exported${ctx.property.exports ? ' and selected' : ''}`,
    );
  }
  const env = caseEnvironment(ctx);
  const failures: Failure[] = [];
  const results: Array<Extract<ExportResult, { kind: 'passed' }>> = [];
  const tallies: CensusTally[] = [];
  for (const shape of shapes) {
    const stopped = ctx.blockedReason(shape.exportName);
    if (stopped) return blocked(stopped);
    const budgetMs =
      ctx.property.budgetMs === undefined ? undefined : ctx.property.budgetMs / shapes.length;
    const result = runOneExport(ctx, property, shape, env, budgetMs);
    if (result.kind === 'blocked') return blocked(result.reason);
    tallies.push(result.census);
    if (result.kind === 'failure') failures.push(result.failure);
    else results.push(result);
  }
  const census = tallies.filter((tally) => tally.cases > 0).map((tally) => tally.toReport());
  const warnings =
    property.census === false
      ? []
      : tallies.flatMap(
          (tally) => tally.warning(ctx.spec, ctx.spec.census.minAcceptedPercent) ?? [],
        );
  const evidence = {
    ...(census.length > 0 ? { census } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  if (failures.length > 0) {
    return {
      ...fail(failures.map((failure) => `${failure.where}: ${failure.found}`).join('; '), failures),
      ...evidence,
    };
  }
  const summary = results.map((result) => result.summary).join('; ');
  if (results.every((result) => result.conclusive === 0)) {
    // Nothing was judged: a rule whose cases all met the plugin's allowed choices does not
    // apply; one that could not judge for any other reason could not be checked.
    return results.every((result) => result.onlyAllowed)
      ? { ...notApplicable(summary), ...evidence }
      : { ...blocked(summary), ...evidence };
  }
  return { ...pass(summary), ...evidence };
}

type ExportResult =
  | {
      kind: 'passed';
      summary: string;
      conclusive: number;
      onlyAllowed: boolean;
      census: CensusTally;
      /** Cases generated (not counting shrinks). */
      cases: number;
    }
  | { kind: 'failure'; failure: Failure; census: CensusTally }
  | { kind: 'blocked'; reason: string };

/** Cases a time-budgeted property may run at most: the budget, not this, is what ends it. */
const BUDGET_RUNS = 2 ** 31 - 1;

/**
 * The work budget of one export's cases: this many units (function entries and loop
 * iterations, src/wasm/count-work.ts) per configured case, about 16.8 million, so 1.7 billion
 * for the default 100 cases. A plugin of ordinary cost spends a small part of it (a reference
 * plugin's costliest rule spends under a tenth); one whose every call zeroes a 64 MiB table
 * spends it in a hundred calls, and the rule then stops making cases, at the same case on any
 * machine, rather than run for an hour. The first MIN_GENERATED_CASES generated cases always run.
 */
export const WORK_PER_CASE = 2 ** 24;
const MIN_GENERATED_CASES = 10;

/**
 * When every one of a rule's first this many cases trapped (its examples count), it runs no
 * more: ZC-CALL-002 already fails the plugin on that trap, and a plugin that traps on everything (unbounded
 * recursion costs the engine about 16 ms a call) would otherwise spend the whole count of every
 * rule on calls that show nothing else. A count of cases, so the same on any machine; a rule
 * whose case found a violation among them still fails and shrinks as before.
 */
export const TRAPPED_CASES_TO_STOP = 20;

/**
 * One export's cases: the configured count, or with a --time share (and no path to replay)
 * as many as fit in it, and the configured count if fewer did.
 */
function runOneExport<Case>(
  ctx: CheckContext,
  property: CallProperty<Case>,
  shape: CallShape,
  env: CaseEnvironment,
  budgetMs: number | undefined,
): ExportResult {
  const configured = property.runs ? property.runs(ctx.property.runs) : ctx.property.runs;
  // A share already spent (0) runs the count alone, not a first run cut short.
  if (budgetMs !== undefined && budgetMs >= 1 && ctx.property.path === undefined) {
    const timed = runCases(ctx, property, shape, env, {
      numRuns: BUDGET_RUNS,
      interruptAfterTimeLimit: Math.max(1, Math.floor(budgetMs)),
    });
    if (timed.kind !== 'passed' || timed.cases >= configured) return timed;
  }
  return runCases(ctx, property, shape, env, { numRuns: configured });
}

function runCases<Case>(
  ctx: CheckContext,
  property: CallProperty<Case>,
  shape: CallShape,
  env: CaseEnvironment,
  count: { numRuns: number; interruptAfterTimeLimit?: number },
): ExportResult {
  const census = new CensusTally(shape.exportName);
  const examples = property.examples?.(shape, env, ctx.rule.id) ?? [];
  // Counted while cases are generated, not while a failure shrinks (those are not new cases),
  // and not for the examples, which no generator made.
  let failedOnce = false;
  let caseIndex = 0;
  const replayFrom =
    ctx.property.path !== undefined && /^\d+$/.test(ctx.property.path)
      ? Number(ctx.property.path)
      : undefined;
  // A --time run is ended by its time share; the fixed count by the work budget.
  const budget =
    count.interruptAfterTimeLimit === undefined ? ctx.property.runs * WORK_PER_CASE : Infinity;
  const work = new WorkMeter(budget);
  const session = new PluginSession(
    ctx,
    {},
    (code) => {
      if (!failedOnce && caseIndex > examples.length) census.record(code);
    },
    work,
  );
  let skippedForWork = 0;
  // Cases that trapped, while every case so far did (examples included); then the cases not run.
  let trappedFromStart = 0;
  let skippedForTraps = 0;
  let inconclusive = 0;
  let allowedInconclusive = 0;
  let conclusive = 0;
  const reasons = new Map<string, number>();
  let lastFailure: FailureRecord<Case> | undefined;
  let stop: Error | undefined;

  const predicate = (testCase: Case): boolean => {
    if (stop !== undefined) return true;
    if (work.spent >= budget) {
      // Past the budget: the examples still run, and the first generated cases; shrinking
      // ends where it is (the failure found stands), at twice the budget.
      const generated = caseIndex - examples.length;
      if (failedOnce ? work.spent >= 2 * budget : generated >= MIN_GENERATED_CASES) {
        if (!failedOnce) skippedForWork++;
        return true;
      }
    }
    if (!failedOnce && trappedFromStart >= TRAPPED_CASES_TO_STOP) {
      skippedForTraps++;
      return true;
    }
    // A hang is reported by the supervisor with this index: the path that replays the case.
    // A replay (--path N) runs case N first, so its cases are numbered from N; a shrunk path
    // (N:i:j) names no single generated case (-2: no path).
    const index = failedOnce ? -2 : replayFrom === undefined ? caseIndex : replayFrom + caseIndex;
    caseIndex++;
    ctx.markCase(
      ctx.property.path !== undefined && replayFrom === undefined ? -2 : index,
      property.inputOf?.(testCase),
    );
    try {
      session.beginCase();
      const instance = session.current();
      const mark = instance.capture.mark();
      const verdict = property.check(session, shape, testCase, env);
      if (!failedOnce && trappedFromStart === caseIndex - 1 && session.caseTrapped()) {
        trappedFromStart++;
      }
      if (verdict.kind === 'inconclusive') {
        inconclusive++;
        if (verdict.allowed) allowedInconclusive++;
        reasons.set(verdict.why, (reasons.get(verdict.why) ?? 0) + 1);
      } else conclusive++;
      if (verdict.kind !== 'violation') return true;
      failedOnce = true;
      // Described now: the shrunk counterexample is the last failing case, not the last run.
      const description = property.describe(shape, testCase);
      lastFailure = { testCase, verdict, description, output: instance.capture.since(mark) };
      return false;
    } catch (error) {
      // Our own failure, or no instance can be started: stop the run rather than shrink it.
      stop = error instanceof Error ? error : new Error(`thrown: ${JSON.stringify(error)}`);
      return true;
    }
  };

  const arbitrary = property.arbitrary(shape, env);
  runObserver?.(shape, arbitrary, count.numRuns, examples);
  // fast-check counts examples among numRuns: added, so the generated cases keep their number
  // (and their seed's sequence). A time budget's count is a ceiling it never reaches.
  const numRuns =
    count.interruptAfterTimeLimit === undefined ? count.numRuns + examples.length : count.numRuns;
  const details = fc.check(fc.property(arbitrary, predicate), {
    seed: ctx.seed,
    ...count,
    numRuns,
    examples: examples.map((example) => [example] as [Case]),
    ...(ctx.property.path ? { path: ctx.property.path } : {}),
  });
  // A stop (memory bomb) leaves the case index in place: the supervisor reports it for replay.
  if (stop !== undefined && !(stop instanceof SessionBlocked)) throw stop;
  ctx.markCase(-1);
  if (stop instanceof SessionBlocked) return { kind: 'blocked', reason: stop.message };
  if (!details.failed || !lastFailure) {
    const why = [...reasons]
      .sort(([, a], [, b]) => b - a)
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    const summary =
      (conclusive === 0 && inconclusive === 0
        ? `no case ran for \`${shape.exportName}\``
        : conclusive === 0
          ? `no conclusive case for \`${shape.exportName}\` (${inconclusive} inconclusive: ${why})`
          : `\`${shape.exportName}\`: ${plural(conclusive, 'case')}${inconclusive ? ` (${inconclusive} inconclusive)` : ''}`) +
      workNote(work, skippedForWork) +
      trapNote(skippedForTraps);
    return {
      kind: 'passed',
      summary,
      conclusive,
      onlyAllowed: inconclusive === allowedInconclusive,
      census,
      cases: details.numRuns - skippedForWork - skippedForTraps,
    };
  }
  const { verdict, output, description } = confirmedFailure(ctx, property, shape, env, lastFailure);
  const path = details.counterexamplePath ?? '';
  const failure: Failure = {
    expected: verdict.expected,
    found: verdict.found,
    where: shape.exportName,
    counterexample: {
      case: description,
      seed: details.seed,
      path,
      runs: details.numRuns,
      shrinks: details.numShrinks,
    },
    replay: ctx.replayCommand(`--export ${shape.exportName} --path ${path}`),
  };
  if (verdict.call) failure.call = verdict.call;
  if (verdict.diff) failure.diff = verdict.diff;
  if (output && (output.stderr || output.stdout || output.log.length)) failure.output = output;
  return { kind: 'failure', failure, census };
}

/** What the work budget left out, if anything: said, so that a shallow pass reads as one. */
function workNote(work: WorkMeter, skipped: number): string {
  if (skipped === 0 && work.shortened === 0) return '';
  const parts = [
    ...(skipped > 0 ? [`${plural(skipped, 'case')} not run`] : []),
    ...(work.shortened > 0 ? [`${plural(work.shortened, 'case')} cut short`] : []),
  ];
  return ` (${parts.join(', ')}: its calls spent the work budget of ${formatWork(work.budget)} function entries and loop iterations; --runs or --thorough raise it)`;
}

function trapNote(skipped: number): string {
  if (skipped === 0) return '';
  return ` (${plural(skipped, 'case')} not run: the first ${TRAPPED_CASES_TO_STOP} cases all trapped, which fails ZC-CALL-002)`;
}

/** A work count in words: 1.7 billion, 16.8 million. */
function formatWork(units: number): string {
  if (units >= 1e9) return `${(units / 1e9).toFixed(1)} billion`;
  if (units >= 1e6) return `${(units / 1e6).toFixed(1)} million`;
  return String(units);
}

/**
 * The shrunk failure as its replay shows it: the case once more, on a new instance, where a
 * replay (--path) runs it. Cases share an instance, so where the host put the buffers, and the
 * plugin's own state, depend on the cases that ran before; the report then shows the call a
 * replay makes. A case that passes there failed only after the cases before it, and says so.
 */
function confirmedFailure<Case>(
  ctx: CheckContext,
  property: CallProperty<Case>,
  shape: CallShape,
  env: CaseEnvironment,
  failure: FailureRecord<Case>,
): FailureRecord<Case> {
  ctx.markCase(-2, property.inputOf?.(failure.testCase));
  let again: FailureRecord<Case> | undefined;
  try {
    const session = new PluginSession(ctx);
    const instance = session.current();
    const mark = instance.capture.mark();
    const verdict = property.check(session, shape, failure.testCase, env);
    if (verdict.kind === 'violation') {
      again = {
        testCase: failure.testCase,
        verdict,
        description: property.describe(shape, failure.testCase),
        output: instance.capture.since(mark),
      };
    }
  } catch (error) {
    // No instance could start, or our own failure: the failure stands as it was found.
    if (!(error instanceof SessionBlocked)) throw error;
  } finally {
    ctx.markCase(-1);
  }
  if (again) return again;
  return {
    ...failure,
    verdict: {
      ...failure.verdict,
      found: `${failure.verdict.found} (after the cases before it on the same instance: on a new instance this case passes, so its replay may not fail)`,
    },
  };
}
