import type { CheckOutcome } from '../check/define-check.js';
import { stoppedCallOf, type CaughtStop, type StoppedCall } from '../check/stopped-call.js';
import type { Rule } from '../spec-model/abi-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { startSupervised, type SupervisedRun } from '../supervise/sandbox.js';
import { starvationBackstopMs } from '../supervise/supervisor.js';
import type {
  CheckWorkerCommand,
  CheckWorkerJob,
  CheckWorkerMessage,
  InternalError,
} from './check-worker-protocol.js';
import {
  CHECK_WORKER,
  ruleCommand,
  statusesOf,
  watchSettings,
  workerJob,
  type ChecksRun,
  type RuleRunRecord,
} from './check-workers.js';
import { runRulesInPool } from './rule-pool.js';
import { loadCheck } from './registry.js';

export type { ChecksRun, RuleRunRecord } from './check-workers.js';

/** Times a run may lose its sandbox to another run's runaway call and start the rule over. */
const MAX_EVICTIONS = 3;

/**
 * Runs the rules in supervised workers, in spec order. With more than one job the rules are
 * first shared between a pool of workers (see runRulesInPool); from the first rule during
 * which a call was stopped, they run in turn in one worker, as a one-job run does, so the
 * verdicts are the same for any number of jobs. A call that uses its CPU deadline is stopped
 * by ending the worker: the rule that was running is interrupted, later calls to that export
 * are refused, and the remaining rules go on in a fresh worker. Calls the host stops itself
 * (memory past the limit, a log flood) end only that call. Every stop is handed to the rule
 * the spec says `catches` it, which settles its verdict once every rule has run.
 */
export async function runChecks(run: ChecksRun): Promise<RuleRunRecord[]> {
  const records = new Map<string, RuleRunRecord>();
  const stops: StoppedCall[] = [];
  const blockedExports: Record<string, string> = {};
  // Hangs judged by the export's owner, with what the owner had found before the export was
  // blocked (what it finds after is only the block).
  const ownedStops: { owner: string; stop: StoppedCall; ownerBefore?: RuleRunRecord }[] = [];
  const record = (entry: RuleRunRecord): void => {
    records.set(entry.id, entry);
    run.onRuleDone?.(entry);
  };
  // A verdict decided after the rules ran: it replaces the rule's record (already reported to
  // onRuleDone) or, for a rule that never ran, is its first.
  const settle = (id: string, outcome: CheckOutcome): void => {
    const own = records.get(id);
    const entry = { id, outcome, durationMs: own?.durationMs ?? 0 };
    if (own) records.set(id, entry);
    else record(entry);
  };
  let remaining = [...run.ruleIds];
  if ((run.jobs ?? 1) > 1 && remaining.length > 1) {
    await runRulesInPool(run, record);
    remaining = remaining.filter((id) => !records.has(id));
  }
  let evictions = 0;
  while (remaining.length > 0) {
    let currentRule: string | undefined;
    let ruleStarted = 0;
    const job: Omit<CheckWorkerJob, 'watchBuffer'> = workerJob(run, blockedExports);
    // The rules go one at a time, each when the last is done: a --time share is then its
    // fair part of what is left, and the statuses its dependencies have are known.
    const queue = [...remaining];
    const next = (): void => {
      const id = queue.shift();
      if (id === undefined) worker.post({ type: 'close' } satisfies CheckWorkerCommand);
      else
        worker.post(
          ruleCommand(run, id, statusesOf(records.values()), queue, { workers: 1, committedMs: 0 }),
        );
    };
    const worker: SupervisedRun = startSupervised<typeof job, CheckWorkerMessage>({
      entry: CHECK_WORKER.href,
      job,
      watch: watchSettings(run),
      onMessage: (message) => {
        if (message.type === 'rule-start') {
          currentRule = message.id;
          ruleStarted = performance.now();
        } else if (message.type === 'rule-done') {
          currentRule = undefined;
          record({ id: message.id, outcome: message.outcome, durationMs: message.durationMs });
          next();
        } else {
          const { reason, call, detail } = message;
          stops.push(
            stoppedCallOf(
              { reason, call, elapsedMs: 0, detail },
              run.spec,
              run.settings,
              currentRule,
            ),
          );
        }
      },
    });
    next();
    const end = await worker.ended;
    if (end.kind === 'done') break;
    const elapsed = currentRule ? performance.now() - ruleStarted : 0;

    if (end.kind === 'evicted' && evictions < MAX_EVICTIONS) {
      // Nothing this plugin did: the rule that was running starts over in a new sandbox.
      evictions++;
      const from = currentRule === undefined ? 0 : remaining.indexOf(currentRule);
      remaining = remaining.filter((id, index) => index >= from && !records.has(id));
      continue;
    }
    if (end.kind === 'starved' && currentRule !== undefined) {
      // No verdict either way: the machine gave the call too little CPU to tell.
      const seconds = (ms: number): string => (ms / 1000).toFixed(1);
      record({
        id: currentRule,
        outcome: {
          status: 'error',
          message: `cannot tell whether \`${end.call.exportName}\` hangs: in ${seconds(end.wallMs)} s (the backstop is ${seconds(starvationBackstopMs(end.deadlineMs))} s) the call got only ${seconds(end.cpuMs)} s of its ${seconds(end.deadlineMs)} s of CPU, the machine is too busy; rerun on a quieter machine`,
        },
        durationMs: elapsed,
      });
      blockedExports[end.call.exportName] =
        `\`${end.call.exportName}\` could not be judged earlier in this run (${currentRule}); it is not called again`;
    } else if (end.kind !== 'stopped' || end.reason !== 'hang' || !end.call) {
      const message =
        end.kind === 'crashed' || end.kind === 'evicted' ? end.message : 'was stopped';
      const outcome: InternalError = { status: 'error', message: `the check worker ${message}` };
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
        {
          reason: 'hang',
          call: end.call,
          elapsedMs: end.cpuMs,
          detail: `its deadline was ${end.deadlineMs} ms of CPU time for ${end.call.callBytes} bytes of input`,
        },
        run.spec,
        run.settings,
        currentRule,
      );
      stops.push(stop);
      const catcher = catchingRule(run.spec, stop.reason, stop.exportName);
      // A hang in an export no rule `catches` hangs on (alloc, init, plugin_info) is the
      // failure of the rule that owns that export, not of whichever rule happened to call it
      // first: otherwise the same bug is filed under a different rule when the rule order or
      // the inputs change.
      const owner = catcher ?? exportOwner(run.spec, stop.exportName);
      const ownerSelected = owner !== undefined && run.ruleIds.includes(owner);
      if (catcher === undefined && ownerSelected && owner !== currentRule) {
        const ownerBefore = records.get(owner);
        ownedStops.push({ owner, stop, ...(ownerBefore ? { ownerBefore } : {}) });
      }
      // The rule that was running is settled now, unless it catches this hang itself (it then
      // settles with every stop of the run, below). Worded by the rule that catches this kind
      // of stop, even when it does not apply here (a hang in `init`).
      if (currentRule !== undefined && currentRule !== catcher) {
        const verdict = await settleStops(run, stopWording(run.spec, 'hang', catcher), undefined, [
          stop,
        ]);
        // The owner itself (plugin_info hangs during ZC-INFO-001), or the owner is not part of
        // this run (a --only replay): the stop is the running rule's failure. Otherwise that
        // rule only says what interrupted it.
        const interrupted = ownerSelected && owner !== currentRule;
        record({
          id: currentRule,
          outcome: interrupted
            ? {
                status: 'skip',
                skipKind: 'blocked',
                message: `a call was stopped while this rule ran (see ${owner}): ${verdict.message}`,
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
      (stop) => stop.reason === rule.catches && catchesOn(run.spec, rule, stop.exportName),
    );
    if (theirs.length === 0) continue;
    const own = records.get(id);
    const ownOutcome = own && own.outcome.status !== 'error' ? own.outcome : undefined;
    settle(id, await settleStops(run, id, ownOutcome, theirs));
  }
  // A host stop (memory, log flood) that no rule of this run catches: the export's owner fails
  // when no rule catches that stop there at all (a memory bomb in alloc), else the rule that met
  // it, which is what a --only replay of that rule must show.
  const settledByHostStop = new Set<string>();
  for (const stop of stops) {
    if (stop.reason === 'hang') continue;
    const catcher = catchingRule(run.spec, stop.reason, stop.exportName);
    if (catcher !== undefined && run.ruleIds.includes(catcher)) continue;
    const owner = catcher === undefined ? exportOwner(run.spec, stop.exportName) : undefined;
    const target = owner !== undefined && run.ruleIds.includes(owner) ? owner : stop.duringRule;
    if (target === undefined || !run.ruleIds.includes(target) || settledByHostStop.has(target)) {
      continue;
    }
    settledByHostStop.add(target);
    if (records.get(target)?.outcome.status === 'fail') continue;
    const wording = stopWording(run.spec, stop.reason, catcher);
    settle(target, await settleStops(run, wording, undefined, [stop]));
  }

  // A hang in an export no rule catches hangs on fails the export's owner; a failure the owner
  // found before the hang is kept beside it.
  for (const owner of new Set(ownedStops.map((entry) => entry.owner))) {
    const theirs = ownedStops.filter((entry) => entry.owner === owner);
    const verdict = await settleStops(
      run,
      stopWording(run.spec, 'hang', undefined),
      undefined,
      theirs.map((entry) => entry.stop),
    );
    const before = theirs[0]!.ownerBefore?.outcome;
    settle(
      owner,
      before?.status === 'fail' && verdict.status === 'fail'
        ? {
            ...verdict,
            message: `${verdict.message}; and before that: ${before.message}`,
            failures: [...(before.failures ?? []), ...(verdict.failures ?? [])],
          }
        : verdict,
    );
  }
  return run.ruleIds.flatMap((id) => records.get(id) ?? []);
}

/**
 * The rule answerable for an export's own behaviour: the first must rule that runs code and
 * names the export first among what it applies to (alloc: ZC-ALLOC-001, init: ZC-LIFE-002,
 * plugin_info: ZC-INFO-001), else the first such rule that names it at all (dealloc).
 */
export function exportOwner(spec: SpecIndex, exportName: string): string | undefined {
  const candidates = spec.rules.filter(
    (rule) =>
      rule.level === 'must' && rule.kind !== 'static' && rule.appliesTo.includes(exportName),
  );
  return (candidates.find((rule) => rule.appliesTo[0] === exportName) ?? candidates[0])?.id;
}

/** The rule whose settle() words a stop: the one catching it here, else any that catches its kind. */
function stopWording(
  spec: SpecIndex,
  reason: CaughtStop,
  catcher: string | undefined,
): string | undefined {
  return catcher ?? spec.rules.find((rule) => rule.catches === reason)?.id;
}

/**
 * Whether a catching rule judges stops of this export: the exports it applies to, or every
 * export when it applies to none (ZC-LOG-003 is about the host_log and fd_write imports).
 */
function catchesOn(spec: SpecIndex, rule: Rule, exportName: string): boolean {
  return (
    rule.appliesTo.includes(exportName) ||
    !rule.appliesTo.some((name) => spec.exportsByName.has(name))
  );
}

/** The rule the spec makes responsible for this kind of stop on this export. */
function catchingRule(spec: SpecIndex, reason: CaughtStop, exportName: string): string | undefined {
  return spec.rules.find((rule) => rule.catches === reason && catchesOn(spec, rule, exportName))
    ?.id;
}

/** The catching rule's own verdict on these stops (its check file words the failure). */
async function settleStops(
  run: ChecksRun,
  ruleId: string | undefined,
  own: CheckOutcome | undefined,
  stops: readonly StoppedCall[],
): Promise<CheckOutcome> {
  const check = ruleId ? await loadCheck(ruleId) : undefined;
  if (!check?.settle) {
    throw new Error(`${ruleId ?? 'no rule'} catches stopped calls but its check has no settle()`);
  }
  return check.settle(own, stops, { spec: run.spec, limits: run.settings.limits });
}
