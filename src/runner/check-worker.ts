import { parentPort } from 'node:worker_threads';
import { CallWatch } from '../host/call-watch.js';
import { CallStopped } from '../host/traps.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import type { CheckOutcome, CompileResult } from '../check/define-check.js';
import { WorkerState } from '../check/plugin-under-test.js';
import { gateRule } from '../check/gate-rule.js';
import { loadChecks } from './registry.js';
import type { InternalError, WorkerMessage, WorkerStart } from './check-worker-protocol.js';

/**
 * Runs checks in a worker thread so that the supervisor can stop a plugin that never returns
 * (terminating the worker is the only way to interrupt a running wasm call).
 */
const port = parentPort;
if (!port) throw new Error('worker-main must run in a worker thread');

port.once('message', (start: WorkerStart) => {
  run(start).then(
    () => port.postMessage({ type: 'done' } satisfies WorkerMessage),
    (error: unknown) => {
      // Fails the worker; the supervisor reports it against the current rule.
      throw error;
    },
  );
});

async function run(start: WorkerStart): Promise<void> {
  const spec = new SpecIndex(loadSpec());
  const checks = await loadChecks();
  const compiled: CompileResult =
    start.module && start.info
      ? { ok: true, module: start.module, info: start.info }
      : { ok: false, message: start.compileError ?? 'did not compile' };
  const exportIds = new Map(start.exportNames.map((name, index) => [name, index]));
  const state = new WorkerState(
    spec,
    start.bytes,
    compiled,
    start.settings,
    new CallWatch(start.watchBuffer, exportIds),
    new Map(Object.entries(start.blockedExports)),
  );
  const statuses: Record<string, string> = { ...start.priorStatuses };

  for (const id of start.ruleIds) {
    port!.postMessage({ type: 'rule-start', id } satisfies WorkerMessage);
    const began = performance.now();
    const rule = spec.rule(id);
    let outcome: CheckOutcome | InternalError;
    try {
      const check = checks.get(id);
      if (!check) throw new Error(`no check file implements ${id}`);
      outcome = gateRule(rule, state, statuses) ?? (await check.run(state.contextFor(rule)));
    } catch (error) {
      if (error instanceof CallStopped) {
        // The supervisor handles this like a hang: it stops this worker and carries on.
        const { reason, exportName, detail } = error;
        port!.postMessage({
          type: 'stopped',
          id,
          reason,
          exportName,
          detail,
        } satisfies WorkerMessage);
        return;
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
    port!.postMessage({
      type: 'rule-done',
      id,
      outcome,
      durationMs: performance.now() - began,
    } satisfies WorkerMessage);
  }
}
