import { CallWatch } from '../host/call-watch.js';
import type { SupervisorNotice } from '../supervise/protocol.js';
import { supervisedPort } from '../supervise/worker-side.js';
import { exploreModule } from './explore-module.js';
import type { ExploreJob, ExploreWorkerMessage } from './explore-protocol.js';

/**
 * Explores one plugin's `process` in a worker thread, so that the supervisor can stop a call
 * that never returns (terminating the worker is the only way to interrupt running wasm).
 */
const port = supervisedPort();
const post = (message: ExploreWorkerMessage | SupervisorNotice): void => port.postMessage(message);

port.once('message', (job: ExploreJob) => {
  const watch = new CallWatch(
    job.watchBuffer,
    new Map(job.exportNames.map((name, index) => [name, index])),
  );
  exploreModule(job.bytes, {
    ...job,
    watch,
    onKept: (input, iteration) => post({ type: 'kept', input, iteration }),
    onProgress: (progress) => post({ type: 'progress', ...progress }),
  }).then(
    ({ iterations, blocks, blocksReached, accepted, trapped, stopped }) => {
      post({
        type: 'result',
        iterations,
        blocks,
        blocksReached,
        accepted,
        trapped,
        ...(stopped !== undefined ? { stopped } : {}),
      });
      post({ type: 'zc:done' });
    },
    (error: unknown) => {
      // Fails the worker; the parent reports exploration as stopped with this message.
      throw error;
    },
  );
});
