import { parentPort } from 'node:worker_threads';
import { benchPlugin, type PluginJob } from './bench-plugin.js';
import type { BenchWorkerMessage } from './supervise.js';

/**
 * Benches one plugin in a worker thread, so that the supervisor can stop a call that never
 * returns (terminating the worker is the only way to interrupt running wasm).
 */
const port = parentPort;
if (!port) throw new Error('the bench worker must run in a worker thread');

port.once('message', (job: PluginJob) => {
  benchPlugin(job, (event) => port.postMessage(event satisfies BenchWorkerMessage)).then(
    (findings) => port.postMessage({ type: 'done', findings } satisfies BenchWorkerMessage),
    (error: unknown) => {
      // Fails the worker; the supervisor reports the plugin as an error with this message.
      throw error;
    },
  );
});
