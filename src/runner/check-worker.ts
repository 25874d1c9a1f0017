import { parentPort } from 'node:worker_threads';
import { CallWatch } from '../host/call-watch.js';
import { CallStopped } from '../host/traps.js';
import type { CompileResult } from '../check/context.js';
import type { CheckOutcome } from '../check/define-check.js';
import { gateRule } from '../check/gate-rule.js';
import { PluginUnderTest } from '../check/plugin-under-test.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import type { SupervisorNotice } from '../supervise/protocol.js';
import type { CheckWorkerJob, CheckWorkerMessage, InternalError } from './check-worker-protocol.js';
import { loadChecks } from './registry.js';

/**
 * Runs checks in a worker thread so that the supervisor can stop a plugin that never returns
 * (terminating the worker is the only way to interrupt a running wasm call).
 */
const port = parentPort;
if (!port) throw new Error('check-worker must run in a worker thread');
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

/** Runs the job's rules in order; false when a call had to be stopped (the worker then ends). */
async function run(job: CheckWorkerJob): Promise<boolean> {
  const spec = new SpecIndex(loadSpec());
  const checks = await loadChecks();
  const compiled: CompileResult =
    job.module && job.info
      ? { ok: true, module: job.module, info: job.info }
      : { ok: false, message: job.compileError ?? 'did not compile' };
  const exportIds = new Map(job.exportNames.map((name, index) => [name, index]));
  const plugin = new PluginUnderTest(
    spec,
    job.bytes,
    compiled,
    job.settings,
    new CallWatch(job.watchBuffer, exportIds),
    new Map(Object.entries(job.blockedExports)),
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
      if (error instanceof CallStopped) {
        // The supervisor handles this like a hang: it stops this worker and carries on.
        post({
          type: 'zc:stopped',
          reason: error.reason,
          exportName: error.exportName,
          detail: error.detail,
        });
        return false;
      }
      const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const stack = error instanceof Error ? (error.stack ?? '') : '';
      outcome = {
        status: 'error',
        message: `internal error in the check for ${id} (a zenith-conform bug, please report it): ${first}`,
        detail: stack,
      };
    }
    statuses[id] = outcome.status;
    post({ type: 'rule-done', id, outcome, durationMs: performance.now() - began });
  }
  return true;
}
