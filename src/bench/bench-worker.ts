import type { SupervisorNotice } from '../supervise/protocol.js';
import { supervisedPort } from '../supervise/worker-side.js';
import type { BenchWorkerMessage } from './bench-in-worker.js';
import { benchPlugin, type PluginJob } from './bench-plugin.js';
import type { HostWork } from './first-call.js';

/**
 * Benches one plugin in a worker thread, so that the supervisor can stop a call that never
 * returns (terminating the worker is the only way to interrupt running wasm).
 */
const port = supervisedPort();
const post = (message: BenchWorkerMessage | SupervisorNotice): void => port.postMessage(message);

/** The tool's own work is announced, so the overall deadline charges the plugin only its own. */
const hostWork: HostWork = (work) => {
  post({ type: 'zc:host-work', busy: true });
  try {
    return work();
  } finally {
    post({ type: 'zc:host-work', busy: false });
  }
};

port.once('message', (job: PluginJob) => {
  benchPlugin(job, post, hostWork).then(
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
