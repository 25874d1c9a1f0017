// A supervised worker that runs a plugin through the real host, whose PluginInstance marks the
// calls on the call watch, for supervisor.test.ts.
import { CallWatch } from '../../../../src/host/call-watch.js';
import { PluginInstance } from '../../../../src/host/plugin-instance.js';
import { DEFAULT_CLOCK_START_NS } from '../../../../src/host/wasi-preview1.js';
import { supervisedPort } from '../../../../src/supervise/worker-side.js';

export interface PluginJob {
  exportNames: string[];
  /** A module whose `spin(n)` never returns. */
  module: WebAssembly.Module;
}

const port = supervisedPort();

port.on('message', (job: PluginJob & { watchBuffer: SharedArrayBuffer }) => {
  const watch = new CallWatch(
    job.watchBuffer,
    new Map(job.exportNames.map((name, i) => [name, i])),
  );
  const created = PluginInstance.instantiate(
    { module: job.module, budgetPages: 16, guardFunction: undefined },
    {
      determinism: { randomSeed: 1, clockStartNs: DEFAULT_CLOCK_START_NS },
      captureLimit: 1000,
      maxLogBytesPerCall: 1000,
      watch,
    },
  );
  if (!created.ok) throw new Error(created.message);
  created.instance.call('spin', [7]);
  port.postMessage({ type: 'zc:done' });
});
