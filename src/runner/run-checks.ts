import { createWatchBuffer } from '../host/call-watch.js';
import type { CheckOutcome } from '../check/define-check.js';
import type { CheckRunSettings } from '../check/plugin-under-test.js';
import { stoppedCallOf, type CaughtStop, type StoppedCall } from '../check/stopped-call.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { superviseWorker } from '../supervise/supervisor.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import type { CheckWorkerJob, CheckWorkerMessage, InternalError } from './check-worker-protocol.js';
import { loadChecks } from './registry.js';

export interface ChecksRun {
  bytes: Uint8Array;
  module?: WebAssembly.Module;
  compileError?: string;
  info?: ModuleInfo;
  exportNames: string[];
  ruleIds: string[];
  settings: CheckRunSettings;
  spec: SpecIndex;
  /** Called once per rule as its verdict is known, for progress output. */
  onRuleDone?: (record: RuleRunRecord) => void;
}

export interface RuleRunRecord {
  id: string;
  outcome: CheckOutcome | InternalError;
  durationMs: number;
}

const CHECK_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js',
  import.meta.url,
);

/** Headroom over the plugin's memory limit before a still-running call counts as a memory bomb. */
const RSS_HEADROOM = 512 * 1024 * 1024;

/**
 * Runs the rules in a supervised worker, in spec order. When the supervisor has to stop a call
 * (a hang, a memory bomb), the rule that was running is interrupted, later calls to that export
 * are refused, and the remaining rules go on in a fresh worker. The stop itself is handed to the
 * rule the spec says `catches` it, which settles its verdict once every rule has run.
 */
export async function runChecks(run: ChecksRun): Promise<RuleRunRecord[]> {
  const records = new Map<string, RuleRunRecord>();
  const stops: StoppedCall[] = [];
  const blockedExports: Record<string, string> = {};
  const record = (entry: RuleRunRecord): void => {
    records.set(entry.id, entry);
    run.onRuleDone?.(entry);
  };
  const { limits } = run.settings;
  let remaining = [...run.ruleIds];
  while (remaining.length > 0) {
    let currentRule: string | undefined;
    let ruleStarted = 0;
    const watchBuffer = createWatchBuffer();
    const job: CheckWorkerJob = {
      bytes: run.bytes,
      ruleIds: remaining,
      priorStatuses: Object.fromEntries(
        [...records.values()].map((entry) => [entry.id, entry.outcome.status]),
      ),
      blockedExports: { ...blockedExports },
      watchBuffer,
      exportNames: run.exportNames,
      settings: run.settings,
      ...(run.module ? { module: run.module } : {}),
      ...(run.info ? { info: run.info } : {}),
      ...(run.compileError !== undefined ? { compileError: run.compileError } : {}),
    };
    const end = await superviseWorker<CheckWorkerJob, CheckWorkerMessage>({
      entry: CHECK_WORKER,
      job,
      watch: {
        buffer: watchBuffer,
        exportNames: run.exportNames,
        callTimeoutMs: limits.callTimeoutMs,
        rssCeilingBytes: process.memoryUsage.rss() + limits.maxMemoryBytes + RSS_HEADROOM,
      },
      onMessage: (message) => {
        if (message.type === 'rule-start') {
          currentRule = message.id;
          ruleStarted = performance.now();
        } else {
          currentRule = undefined;
          record({ id: message.id, outcome: message.outcome, durationMs: message.durationMs });
        }
      },
    });
    if (end.kind === 'done') break;
    const elapsed = currentRule ? performance.now() - ruleStarted : 0;

    if (end.kind === 'crashed' || end.reason === 'overall-deadline' || !end.call) {
      const outcome: InternalError = {
        status: 'error',
        message: `the check worker ${end.kind === 'crashed' ? end.message : 'was stopped'}`,
      };
      if (currentRule === undefined) {
        // The worker broke outside any rule (it could not even start): no retry would do better.
        for (const id of remaining.filter((id) => !records.has(id))) {
          record({ id, outcome, durationMs: 0 });
        }
        break;
      }
      record({ id: currentRule, outcome, durationMs: elapsed });
    } else {
      const stop = stoppedCallOf(
        { reason: end.reason, call: end.call, elapsedMs: end.elapsedMs, detail: end.detail },
        run.spec,
        run.settings,
        currentRule,
      );
      stops.push(stop);
      const catcher = catchingRule(run.spec, stop.reason, stop.exportName);
      if (currentRule !== undefined && currentRule !== catcher) {
        // Worded by the rule that catches this kind of stop, even when it does not apply here
        // (a memory bomb in `init`): the running rule then fails with that failure.
        const wording = catcher ?? run.spec.rules.find((rule) => rule.catches === stop.reason)?.id;
        const verdict = await settleStops(run, wording, undefined, [stop]);
        const selected = catcher !== undefined && run.ruleIds.includes(catcher);
        // When the rule that catches it is not part of this run (a --only replay), the stop is
        // the running rule's failure; otherwise that rule only says what interrupted it.
        record({
          id: currentRule,
          outcome: selected
            ? {
                status: 'skip',
                skipKind: 'blocked',
                message: `a call was stopped while this rule ran (see ${catcher}): ${verdict.message}`,
              }
            : verdict,
          durationMs: elapsed,
        });
      }
      blockedExports[stop.exportName] =
        `\`${stop.exportName}\` was stopped earlier in this run (${currentRule}); it is not called again`;
    }
    const stoppedIndex = currentRule === undefined ? -1 : remaining.indexOf(currentRule);
    remaining = remaining.filter((id, index) => index > stoppedIndex && !records.has(id));
  }

  // Rules that catch stops settle now, with every stop of the run that is theirs.
  for (const id of run.ruleIds) {
    const rule = run.spec.rule(id);
    if (!rule.catches) continue;
    const theirs = stops.filter(
      (stop) => stop.reason === rule.catches && rule.appliesTo.includes(stop.exportName),
    );
    if (theirs.length === 0) continue;
    const own = records.get(id);
    const ownOutcome = own && own.outcome.status !== 'error' ? own.outcome : undefined;
    const settled = await settleStops(run, id, ownOutcome, theirs);
    const entry = { id, outcome: settled, durationMs: own?.durationMs ?? 0 };
    if (own) records.set(id, entry);
    else record(entry);
  }
  return run.ruleIds.flatMap((id) => records.get(id) ?? []);
}

/** The rule the spec makes responsible for this kind of stop on this export. */
function catchingRule(spec: SpecIndex, reason: CaughtStop, exportName: string): string | undefined {
  return spec.rules.find((rule) => rule.catches === reason && rule.appliesTo.includes(exportName))
    ?.id;
}

/** The catching rule's own verdict on these stops (its check file words the failure). */
async function settleStops(
  run: ChecksRun,
  ruleId: string | undefined,
  own: CheckOutcome | undefined,
  stops: readonly StoppedCall[],
): Promise<CheckOutcome> {
  const check = ruleId ? (await loadChecks()).get(ruleId) : undefined;
  if (!check?.settle) {
    throw new Error(`${ruleId ?? 'no rule'} catches stopped calls but its check has no settle()`);
  }
  return check.settle(own, stops, { spec: run.spec, limits: run.settings.limits });
}
