import { CallWatch } from '../host/call-watch.js';
import type { HostStopRecord } from '../host/plugin-instance.js';
import { preparePluginModule } from '../host/plugin-module.js';
import type { CompileResult } from '../check/context.js';
import type { CheckOutcome } from '../check/define-check.js';
import { gateRule, gateStatus } from '../check/gate-rule.js';
import { PluginUnderTest } from '../check/plugin-under-test.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import type { SupervisorNotice } from '../supervise/protocol.js';
import { supervisedPort } from '../supervise/worker-side.js';
import type {
  CheckWorkerCommand,
  CheckWorkerJob,
  CheckWorkerMessage,
  InternalError,
} from './check-worker-protocol.js';
import { loadCheck } from './registry.js';

/**
 * Runs checks in a worker thread so that the supervisor can stop a plugin that never returns
 * (terminating the worker is the only way to interrupt a running wasm call). The worker takes
 * its rules one command at a time, so that a pool of them can share a run's rules.
 */
const port = supervisedPort();
const post = (message: CheckWorkerMessage | SupervisorNotice): void => port.postMessage(message);

port.once('message', (job: CheckWorkerJob) => {
  const ready = start(job);
  // A worker that cannot start fails: the supervisor reports it, outside any rule.
  ready.catch((error: unknown) =>
    setImmediate(() => {
      throw error;
    }),
  );
  // Commands run one at a time, in the order sent, once the setup is done.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (command: CheckWorkerCommand) => {
    queue = queue
      .then(async () => {
        const session = await ready;
        if (command.type === 'close') post({ type: 'zc:done' });
        else await runRule(session, command);
      })
      .catch(() => undefined);
  });
});

/** The module as the host runs it: guarded (the memory limit inside it) and compiled here. */
async function compile(job: CheckWorkerJob): Promise<CompileResult> {
  if (job.compileError !== undefined || !job.info) {
    return { ok: false, message: job.compileError ?? 'did not compile' };
  }
  const prepared = await preparePluginModule(job.bytes, job.settings.limits.maxMemoryBytes, {
    countWork: true,
  });
  if (!prepared.ok) throw new Error(prepared.message);
  return { ok: true, plugin: prepared.plugin, info: job.info };
}

/** Calls of one kind a worker reports per export: enough to show, few enough to post. */
const STOPS_REPORTED = 5;

/** Posts the host's stops with the case they belong to, a few per export and kind. */
function reportStops(watch: CallWatch): (stop: HostStopRecord) => void {
  const seen = new Map<string, number>();
  return (stop) => {
    const key = `${stop.reason} ${stop.exportName}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > STOPS_REPORTED) return;
    post({
      type: 'host-stop',
      reason: stop.reason,
      detail: stop.detail,
      call: { sequence: 0, exportName: stop.exportName, args: [...stop.args], ...watch.caseInfo() },
    });
  };
}

/** What a worker keeps between rules: the plugin, and the statuses it has seen. */
interface Session {
  spec: SpecIndex;
  plugin: PluginUnderTest;
  statuses: Record<string, string>;
}

/** Compiles the plugin and loads the spec and checks, once per worker. */
async function start(job: CheckWorkerJob): Promise<Session> {
  const spec = new SpecIndex(loadSpec());
  const compiled = await compile(job);
  const exportIds = new Map(job.exportNames.map((name, index) => [name, index]));
  const watch = new CallWatch(job.watchBuffer, exportIds);
  const plugin = new PluginUnderTest(
    spec,
    job.bytes,
    compiled,
    job.settings,
    watch,
    new Map(Object.entries(job.blockedExports)),
    reportStops(watch),
  );
  return { spec, plugin, statuses: {} };
}

/** Runs one rule: gated by its dependencies' statuses, or its check file. */
async function runRule(
  session: Session,
  command: Extract<CheckWorkerCommand, { type: 'rule' }>,
): Promise<void> {
  const { spec, plugin } = session;
  const { id } = command;
  Object.assign(session.statuses, command.statuses);
  post({ type: 'rule-start', id });
  const began = performance.now();
  const rule = spec.rule(id);
  let outcome: CheckOutcome | InternalError;
  try {
    const gated = gateRule(rule, plugin, session.statuses);
    // A rule its gate stops costs no import of its check file.
    const check = gated ? undefined : await loadCheck(id);
    if (!gated && !check) throw new Error(`no check file implements ${id}`);
    outcome = gated ?? (await check!.run(plugin.contextFor(rule, command.budgetMs)));
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    outcome = {
      status: 'error',
      message: `internal error in the check for ${id} (a zenith-conform bug, please report it): ${first}`,
      detail: stack,
    };
  }
  session.statuses[id] = gateStatus(outcome);
  post({ type: 'rule-done', id, outcome, durationMs: performance.now() - began });
}
