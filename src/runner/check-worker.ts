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
import type { CheckWorkerJob, CheckWorkerMessage, InternalError } from './check-worker-protocol.js';
import { loadChecks } from './registry.js';

/**
 * Runs checks in a worker thread so that the supervisor can stop a plugin that never returns
 * (terminating the worker is the only way to interrupt a running wasm call).
 */
const port = supervisedPort();
const post = (message: CheckWorkerMessage | SupervisorNotice): void => port.postMessage(message);

port.once('message', (job: CheckWorkerJob) => {
  run(job).then(
    (finished) => {
      if (finished) post({ type: 'zc:done' });
    },
    (error: unknown) => {
      // Fails the worker; the supervisor reports it against the current rule.
      throw error;
    },
  );
});

/** The module as the host runs it: guarded (the memory limit inside it) and compiled here. */
async function compile(job: CheckWorkerJob): Promise<CompileResult> {
  if (job.compileError !== undefined || !job.info) {
    return { ok: false, message: job.compileError ?? 'did not compile' };
  }
  const prepared = await preparePluginModule(job.bytes, job.settings.limits.maxMemoryBytes);
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

/** Runs the job's rules in order. */
async function run(job: CheckWorkerJob): Promise<boolean> {
  const spec = new SpecIndex(loadSpec());
  const checks = await loadChecks();
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
  const statuses: Record<string, string> = { ...job.priorStatuses };

  for (const id of job.ruleIds) {
    post({ type: 'rule-start', id });
    const began = performance.now();
    const rule = spec.rule(id);
    let outcome: CheckOutcome | InternalError;
    try {
      const check = checks.get(id);
      if (!check) throw new Error(`no check file implements ${id}`);
      outcome = gateRule(rule, plugin, statuses) ?? (await check.run(plugin.contextFor(rule)));
    } catch (error) {
      const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const stack = error instanceof Error ? (error.stack ?? '') : '';
      outcome = {
        status: 'error',
        message: `internal error in the check for ${id} (a zenith-conform bug, please report it): ${first}`,
        detail: stack,
      };
    }
    statuses[id] = gateStatus(outcome);
    post({ type: 'rule-done', id, outcome, durationMs: performance.now() - began });
  }
  return true;
}
