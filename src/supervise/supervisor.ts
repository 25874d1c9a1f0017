import { Worker } from 'node:worker_threads';
import { CallWatchReader, createWatchBuffer, type WatchedCall } from '../host/call-watch.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import { replayCommand } from '../check/replay.js';
import { hexPreview } from '../abi/describe-call.js';
import type { Failure } from '../spec-model/report-types.generated.js';
import type { CheckOutcome } from '../check/define-check.js';
import type {
  InternalError,
  WorkerMessage,
  WorkerSettings,
  WorkerStart,
} from '../runner/check-worker-protocol.js';

export interface SupervisedRun {
  bytes: Uint8Array;
  module?: WebAssembly.Module;
  compileError?: string;
  info?: ModuleInfo;
  exportNames: string[];
  ruleIds: string[];
  settings: WorkerSettings;
  spec: SpecIndex;
  timeoutMs: number;
  maxMemoryBytes: number;
  onRuleDone?: (record: RuleRunRecord) => void;
}

export interface RuleRunRecord {
  id: string;
  outcome: CheckOutcome | InternalError;
  durationMs: number;
}

type WorkerEnd =
  | { kind: 'done' }
  | {
      kind: 'stopped';
      ruleId: string | undefined;
      outcome: CheckOutcome | InternalError;
      durationMs: number;
      blockExport?: string;
      reason?: StopReason;
    };

type StopReason = 'hang' | 'memory-bomb';

// From TypeScript sources (vitest, tsx) the worker needs tsx's loader, which a bootstrap registers.
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './worker-source-bootstrap.mjs' : './worker-main.js',
  import.meta.url,
);

/** Headroom over the plugin's memory limit before a still-running call counts as a memory bomb. */
const RSS_HEADROOM = 512 * 1024 * 1024;

/**
 * Runs the checks in a worker and watches every plugin call. A call past the deadline, or one
 * that drives the process's memory past the limit, is stopped by terminating the worker; the
 * rule that was running fails with the call named, later calls to that export are refused,
 * and the remaining rules continue in a fresh worker.
 */
export async function superviseChecks(run: SupervisedRun): Promise<void> {
  const records: RuleRunRecord[] = [];
  const statuses: Record<string, string> = {};
  const blockedExports: Record<string, string> = {};
  let remaining = [...run.ruleIds];
  while (remaining.length > 0) {
    const end = await runOneWorker(run, remaining, statuses, blockedExports, (record) => {
      records.push(record);
      statuses[record.id] = record.outcome.status;
      run.onRuleDone?.(record);
    });
    if (end.kind === 'done') break;
    if (end.ruleId === undefined) {
      // The worker broke outside any rule (it could not even start): no retry would do better.
      for (const id of remaining.filter((id) => !(id in statuses))) {
        const record = { id, outcome: end.outcome, durationMs: 0 };
        records.push(record);
        run.onRuleDone?.(record);
      }
      break;
    }
    const stoppedIndex = remaining.indexOf(end.ruleId);
    const emit = (record: RuleRunRecord): void => {
      records.push(record);
      statuses[record.id] = record.outcome.status;
      run.onRuleDone?.(record);
    };
    const owner =
      end.reason && end.blockExport ? ruleThatCatches(run, end.reason, end.blockExport) : undefined;
    if (owner && owner !== end.ruleId) {
      // The spec names the rule a hang or memory bomb fails, whichever rule's call ran into it;
      // a verdict that rule already gave is replaced, since a counterexample now exists.
      emit({ id: owner, outcome: end.outcome, durationMs: 0 });
      emit({
        id: end.ruleId,
        outcome: {
          status: 'skip',
          skipKind: 'blocked',
          message: `a call was stopped while this rule ran (see ${owner}): ${end.outcome.message}`,
        },
        durationMs: end.durationMs,
      });
    } else {
      emit({ id: end.ruleId, outcome: end.outcome, durationMs: end.durationMs });
    }
    if (end.blockExport) {
      blockedExports[end.blockExport] =
        `\`${end.blockExport}\` was stopped earlier in this run (${end.ruleId}); it is not called again`;
    }
    const finished = new Set(records.map((record) => record.id));
    remaining = remaining.filter((id, index) => index > stoppedIndex && !finished.has(id));
  }
}

/** The rule the spec makes responsible for this kind of stop on this export, if selected. */
function ruleThatCatches(
  run: SupervisedRun,
  reason: StopReason,
  exportName: string,
): string | undefined {
  return run.spec.spec.rules.find(
    (rule) =>
      rule.catches === reason &&
      rule.appliesTo.includes(exportName) &&
      run.ruleIds.includes(rule.id),
  )?.id;
}

function runOneWorker(
  run: SupervisedRun,
  ruleIds: string[],
  statuses: Record<string, string>,
  blockedExports: Record<string, string>,
  onRecord: (record: RuleRunRecord) => void,
): Promise<WorkerEnd> {
  const watchBuffer = createWatchBuffer();
  const reader = new CallWatchReader(watchBuffer, run.exportNames);
  const worker = new Worker(WORKER_URL, {
    stdout: true,
    stderr: true,
  });
  let workerStderr = '';
  worker.stderr.on('data', (chunk: Buffer) => {
    if (workerStderr.length < 8192) workerStderr += chunk.toString();
  });
  let currentRule: string | undefined;
  let ruleStarted = 0;
  const rssCeiling = process.memoryUsage.rss() + run.maxMemoryBytes + RSS_HEADROOM;

  return new Promise<WorkerEnd>((resolve) => {
    let settled = false;
    let watched: { sequence: number; since: number } | undefined;
    const finish = (end: WorkerEnd): void => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      resolve(end);
    };
    const stopped = (
      outcome: CheckOutcome | InternalError,
      cause?: { exportName: string; reason: StopReason },
    ): WorkerEnd => ({
      kind: 'stopped',
      ruleId: currentRule,
      outcome,
      durationMs: currentRule ? performance.now() - ruleStarted : 0,
      ...(cause ? { blockExport: cause.exportName, reason: cause.reason } : {}),
    });
    const stop = (call: WatchedCall, outcome: CheckOutcome, reason: StopReason): void =>
      finish(stopped(outcome, { exportName: call.exportName, reason }));

    const pollMs = Math.max(5, Math.min(100, Math.floor(run.timeoutMs / 8)));
    const timer = setInterval(() => {
      const call = reader.current();
      if (!call) {
        watched = undefined;
        return;
      }
      const now = performance.now();
      if (watched?.sequence !== call.sequence) watched = { sequence: call.sequence, since: now };
      const elapsed = now - watched.since;
      if (elapsed > run.timeoutMs) {
        stop(call, hangOutcome(call, run, currentRule, Math.round(elapsed)), 'hang');
      } else if (process.memoryUsage.rss() > rssCeiling) {
        const rss = Math.round(process.memoryUsage.rss() / 1048576);
        const detail = `the process grew to ${rss} MiB while \`${call.exportName}\` ran`;
        stop(call, memoryBombOutcome(call, run, currentRule, detail), 'memory-bomb');
      }
    }, pollMs);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'rule-start') {
        currentRule = message.id;
        ruleStarted = performance.now();
      } else if (message.type === 'rule-done') {
        currentRule = undefined;
        onRecord({ id: message.id, outcome: message.outcome, durationMs: message.durationMs });
      } else if (message.type === 'stopped') {
        const call = reader.last();
        stop(call, memoryBombOutcome(call, run, currentRule, message.detail), message.reason);
      } else finish({ kind: 'done' });
    });
    worker.on('error', (error: Error) => {
      finish(
        stopped({
          status: 'error',
          message: `the check worker failed: ${error.message}${workerStderr ? `\n${workerStderr}` : ''}`,
        }),
      );
    });
    worker.on('exit', (code) => {
      finish(stopped({ status: 'error', message: `the check worker exited with code ${code}` }));
    });

    const start: WorkerStart = {
      bytes: run.bytes,
      ruleIds,
      priorStatuses: { ...statuses },
      blockedExports: { ...blockedExports },
      watchBuffer,
      exportNames: run.exportNames,
      settings: run.settings,
    };
    if (run.module) start.module = run.module;
    if (run.info) start.info = run.info;
    if (run.compileError !== undefined) start.compileError = run.compileError;
    worker.postMessage(start);
  });
}

/** `process(65536, 12, 65600, 65540)`: the call as the watch saw it, with the spec's arity. */
export function describeWatchedCall(call: WatchedCall, spec: SpecIndex): string {
  const params = spec.exportsByName.get(call.exportName)?.params ?? [];
  const args = params.map((param, i) => {
    const value = call.args[i] ?? 0;
    return `${param.name}=${param.type === 'ptr' ? `0x${value.toString(16)}` : value}`;
  });
  return `${call.exportName}(${args.join(', ')})`;
}

/** A failure for a call the supervisor had to stop: what was expected, and the call itself. */
function stoppedOutcome(
  call: WatchedCall,
  run: SupervisedRun,
  ruleId: string | undefined,
  what: { message: string; expected: string; found: (described: string) => string },
): CheckOutcome {
  const described = describeWatchedCall(call, run.spec);
  return {
    status: 'fail',
    message: what.message,
    failures: [
      {
        expected: what.expected,
        found: what.found(described),
        where: call.exportName,
        call: described,
        replay: replayFor(run, ruleId, call),
        ...counterexampleOf(call),
      },
    ],
  };
}

const hangOutcome = (
  call: WatchedCall,
  run: SupervisedRun,
  ruleId: string | undefined,
  elapsedMs: number,
): CheckOutcome =>
  stoppedOutcome(call, run, ruleId, {
    message: `\`${call.exportName}\` did not return within ${run.timeoutMs} ms; the call was stopped`,
    expected: `every call returns within ${run.timeoutMs} ms (--timeout)`,
    found: (described) => `${described} was still running after ${elapsedMs} ms`,
  });

const memoryBombOutcome = (
  call: WatchedCall,
  run: SupervisedRun,
  ruleId: string | undefined,
  detail: string,
): CheckOutcome =>
  stoppedOutcome(call, run, ruleId, {
    message: `\`${call.exportName}\` took memory past the limit; the call was stopped`,
    expected: `memory stays at most ${run.maxMemoryBytes} bytes (--max-memory)`,
    found: (described) => `${detail}, in ${described}`,
  });

/** The stopped case as the watch last saw it: fast-check's path and the input's first bytes. */
function counterexampleOf(call: WatchedCall): Pick<Failure, 'counterexample'> {
  if (call.caseIndex < 0 || !call.input) return {};
  const { length, head } = call.input;
  const shown =
    length === 0
      ? 'empty (0 bytes)'
      : `${length} bytes, starting [${hexPreview(head)}]${length > head.length ? ' …' : ''}`;
  return {
    counterexample: {
      case: `input: ${shown} (not shrunk: a stopped case cannot be retried)`,
      seed: call.caseSeed,
      path: String(call.caseIndex),
    },
  };
}

function replayFor(run: SupervisedRun, ruleId: string | undefined, call: WatchedCall): string {
  const replayCase =
    call.caseIndex >= 0 ? `--export ${call.exportName} --path ${call.caseIndex}` : '';
  return replayCommand(run.settings, ruleId, replayCase);
}
