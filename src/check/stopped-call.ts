import type { WatchedCall } from '../host/call-watch.js';
import type { Failure } from '../spec-model/report-types.generated.js';
import type { Limits } from '../spec-model/limits.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { hexPreview } from '../util/bytes-text.js';
import type { CheckOutcome } from './outcome.js';
import { replayCommand, type ReplaySettings } from './replay.js';

/** The kinds of stop a rule's spec entry can `catch`. */
export type CaughtStop = 'hang' | 'memory-bomb' | 'log-flood';

/** A call the supervisor had to stop, as report data: what it was, and how to replay it. */
export interface StoppedCall {
  reason: CaughtStop;
  exportName: string;
  /** The call with the spec's parameter names: `process(input_ptr=0x10000, input_len=12, …)`. */
  call: string;
  elapsedMs: number;
  /** What the supervisor or host saw, for memory bombs: `grew memory to 4 GiB …`. */
  detail: string;
  /** The rule whose case it was (undefined when no rule was running). */
  duringRule: string | undefined;
  replay: string;
  counterexample?: Failure['counterexample'];
}

export interface SettleContext {
  spec: SpecIndex;
  limits: Limits;
}

/** `process(input_ptr=0x10000, input_len=12, …)`: the call as the watch saw it, with the spec's names. */
export function describeWatchedCall(call: WatchedCall, spec: SpecIndex): string {
  const params = spec.exportsByName.get(call.exportName)?.params ?? [];
  const args = params.map((param, i) => {
    const value = call.args[i] ?? 0;
    return `${param.name}=${param.type === 'ptr' ? `0x${value.toString(16)}` : value}`;
  });
  return `${call.exportName}(${args.join(', ')})`;
}

/** The stopped case as the watch last saw it: fast-check's path and the input's first bytes. */
function counterexampleOf(call: WatchedCall): Failure['counterexample'] | undefined {
  if (call.caseIndex < 0 || !call.input) return undefined;
  const { length, head } = call.input;
  const shown =
    length === 0
      ? 'empty (0 bytes)'
      : `${length} bytes, starting [${hexPreview(head)}]${length > head.length ? ' …' : ''}`;
  return {
    case: `input: ${shown} (not shrunk: a stopped case cannot be retried)`,
    seed: call.caseSeed,
    path: String(call.caseIndex),
  };
}

/** A supervisor's stop as report data, with the command that replays the stopped case. */
export function stoppedCallOf(
  stop: { reason: CaughtStop; call: WatchedCall; elapsedMs: number; detail: string },
  spec: SpecIndex,
  replay: ReplaySettings,
  duringRule: string | undefined,
): StoppedCall {
  const { call } = stop;
  // Only a fuzzed export's case has a path to replay (not instantiation, init or plugin_info).
  const fuzzed = spec.exportsByName.get(call.exportName)?.output !== undefined;
  const replayCase =
    fuzzed && call.caseIndex >= 0 ? `--export ${call.exportName} --path ${call.caseIndex}` : '';
  const counterexample = fuzzed ? counterexampleOf(call) : undefined;
  return {
    reason: stop.reason,
    exportName: call.exportName,
    call: describeWatchedCall(call, spec),
    elapsedMs: stop.elapsedMs,
    detail: stop.detail,
    duringRule,
    replay: replayCommand(replay, duringRule, replayCase),
    ...(counterexample ? { counterexample } : {}),
  };
}

export interface StopWording {
  message: string;
  expected: string;
  found: string;
}

/** A failure for a stopped call, in the words the catching rule chose. */
export function stoppedCallFailure(stop: StoppedCall, wording: StopWording): Failure {
  return {
    expected: wording.expected,
    found: wording.found,
    where: stop.exportName,
    call: stop.call,
    replay: stop.replay,
    ...(stop.counterexample ? { counterexample: stop.counterexample } : {}),
  };
}

/**
 * The settle step of a rule that catches stops: no stop leaves the rule's own verdict; any stop
 * fails it, one failure per stopped call, worded by the rule.
 */
export function failOnStoppedCalls(
  word: (stop: StoppedCall, ctx: SettleContext) => StopWording,
): (
  own: CheckOutcome | undefined,
  stops: readonly StoppedCall[],
  ctx: SettleContext,
) => CheckOutcome {
  return (own, stops, ctx) => {
    // The rule's own failure has a shrunk counterexample: it is the better report.
    if (own?.status === 'fail') return own;
    if (stops.length === 0) {
      return own ?? { status: 'skip', skipKind: 'blocked', message: 'the rule did not finish' };
    }
    const worded = stops.map((stop) => ({ stop, wording: word(stop, ctx) }));
    return {
      status: 'fail',
      message: worded.map(({ wording }) => wording.message).join('; '),
      failures: worded.map(({ stop, wording }) => stoppedCallFailure(stop, wording)),
    };
  };
}
