import type { SupervisorNotice } from '../supervise/protocol.js';
import { supervisedPort } from '../supervise/worker-side.js';
import type { BenchWorkerMessage } from './bench-in-worker.js';
import { benchPlugin, type PluginJob } from './bench-plugin.js';

/**
 * Benches one plugin in a worker thread, so that the supervisor can stop a call that never
 * returns (terminating the worker is the only way to interrupt running wasm).
 */
const port = supervisedPort();
const post = (message: BenchWorkerMessage | SupervisorNotice): void => port.postMessage(message);

port.once('message', (job: PluginJob) => {
  benchPlugin(job, post).then(
    (findings) => {
      post({ type: 'findings', findings });
      post({ type: 'zc:done' });
    },
    (error: unknown) => {
      // Fails the worker; the supervisor reports the plugin as an error with this message.
      throw error;
    },
  );
});
