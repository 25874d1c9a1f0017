import { startSupervised, type SupervisedRun } from '../supervise/sandbox.js';
import type { CheckWorkerCommand, CheckWorkerMessage } from './check-worker-protocol.js';
import {
  CHECK_WORKER,
  ruleCommand,
  statusesOf,
  watchSettings,
  workerJob,
  type ChecksRun,
  type RuleRunRecord,
} from './check-workers.js';

/** Times the pool may lose a worker to another run's runaway call and start its rule over. */
const MAX_EVICTIONS = 3;

interface PoolWorker {
  run: SupervisedRun;
  /** The rule it is running, if any. */
  rule: string | undefined;
  /** Whether the host stopped a call of the rule it is running (memory, log flood). */
  stopped: boolean;
  /** When its rule's --time share ends (performance.now()), if it has one. */
  budgetEndsAt: number | undefined;
}

/**
 * Shares a run's rules between `run.jobs` workers, each with its own instance, call watch and
 * deadline, and hands each verdict to `record` in rule order. A rule starts once the rules it
 * depends on are done.
 *
 * The pool is a speculation that no call will be stopped: a stop changes what the rules after
 * it see (its export is not called again), and in a pool those may already have run. So from
 * the first rule (in rule order) during which a call was stopped, or whose worker ended some
 * other way, nothing the pool did counts: the rules before it are recorded, and it returns,
 * leaving that rule and every later one to run in turn in one worker. Rules before the first
 * stop ran exactly as they would have in one worker (no stop had happened yet, and their
 * dependencies' statuses are the same), so the verdicts do not depend on the number of jobs.
 */
export async function runRulesInPool(
  run: ChecksRun,
  record: (entry: RuleRunRecord) => void,
): Promise<void> {
  const ids = run.ruleIds;
  const order = new Map(ids.map((id, index) => [id, index]));
  const done = new Map<string, RuleRunRecord>();
  const started = new Set<string>();
  const workers = new Set<PoolWorker>();
  // The first rule, in rule order, that the pool cannot vouch for; nothing from it on counts.
  let cut = ids.length;
  let recorded = 0;
  let evictions = 0;
  let settle: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (settle = resolve));

  const dependenciesDone = (id: string): boolean =>
    (run.spec.rule(id).dependsOn ?? []).every((dep) => !order.has(dep) || done.has(dep));
  const notStarted = (): string[] => ids.filter((id, index) => index < cut && !started.has(id));
  // Rules others wait for go first (ZC-ALLOC-001 before a dozen call rules): what they unlock
  // can then start while the rest still runs.
  const unlocks = new Set(ids.flatMap((id) => run.spec.rule(id).dependsOn ?? []));
  const nextReady = (): string | undefined => {
    const ready = notStarted().filter(dependenciesDone);
    return ready.find((id) => unlocks.has(id)) ?? ready[0];
  };

  /** Hands on, in order, every verdict the pool can vouch for. */
  const recordInOrder = (): void => {
    while (recorded < cut) {
      const entry = done.get(ids[recorded]!);
      if (!entry) return;
      record(entry);
      recorded++;
    }
  };
  const distrust = (id: string | undefined): void => {
    const index = id === undefined ? recorded : (order.get(id) ?? recorded);
    cut = Math.min(cut, index);
  };
  /** The pool is over when everything before the cut is done: cancel what runs past it. */
  const maybeFinish = (): boolean => {
    recordInOrder();
    if (recorded < cut) return false;
    for (const worker of workers) worker.run.cancel();
    workers.clear();
    settle();
    return true;
  };

  const dispatch = (worker: PoolWorker): void => {
    const id = nextReady();
    if (id === undefined) {
      // Nothing ready now; when nothing is left at all, the worker is not needed.
      if (notStarted().length === 0) {
        workers.delete(worker);
        worker.run.post({ type: 'close' } satisfies CheckWorkerCommand);
      }
      return;
    }
    started.add(id);
    worker.rule = id;
    worker.stopped = false;
    const now = performance.now();
    let committedMs = 0;
    for (const other of workers) {
      if (other.rule !== undefined && other !== worker && other.budgetEndsAt !== undefined) {
        committedMs += Math.max(0, other.budgetEndsAt - now);
      }
    }
    const command = ruleCommand(run, id, statusesOf(done.values()), notStarted(), {
      workers: workers.size,
      committedMs,
    });
    worker.budgetEndsAt =
      command.type === 'rule' && command.budgetMs !== undefined
        ? now + command.budgetMs
        : undefined;
    worker.run.post(command);
  };
  const dispatchIdle = (): void => {
    for (const worker of [...workers]) if (worker.rule === undefined) dispatch(worker);
  };

  const spawn = (): void => {
    const worker = { rule: undefined, stopped: false, budgetEndsAt: undefined } as PoolWorker;
    worker.run = startSupervised<ReturnType<typeof workerJob>, CheckWorkerMessage>({
      entry: CHECK_WORKER.href,
      job: workerJob(run, {}),
      watch: watchSettings(run),
      onMessage: (message) => {
        if (!workers.has(worker)) return;
        if (message.type === 'host-stop') worker.stopped = true;
        if (message.type !== 'rule-done') return;
        const id = message.id;
        worker.rule = undefined;
        done.set(id, { id, outcome: message.outcome, durationMs: message.durationMs });
        if (worker.stopped) {
          distrust(id);
          // Its plugin now refuses the stopped export, which a worker in one-worker order
          // would not yet do for the rules before this one: it takes no more rules.
          workers.delete(worker);
          worker.run.post({ type: 'close' } satisfies CheckWorkerCommand);
          if (maybeFinish()) return;
          if (notStarted().length > 0) spawn();
          dispatchIdle();
          return;
        }
        if (maybeFinish()) return;
        dispatch(worker);
        dispatchIdle();
      },
    });
    workers.add(worker);
    void worker.run.ended.then((end) => {
      if (!workers.delete(worker)) return; // closed or cancelled: its end is of no interest
      if (end.kind === 'evicted' && evictions < MAX_EVICTIONS && worker.rule !== undefined) {
        // Nothing this plugin did: its rule goes back to be run again.
        evictions++;
        started.delete(worker.rule);
      } else if (end.kind !== 'done' || worker.rule !== undefined) {
        distrust(worker.rule);
      }
      if (maybeFinish()) return;
      if (notStarted().length > 0) spawn();
      dispatchIdle();
    });
    dispatch(worker);
  };

  const size = Math.min(run.jobs ?? 1, ids.length);
  for (let slot = 0; slot < size; slot++) spawn();
  await finished;
}
