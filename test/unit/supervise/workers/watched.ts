// A supervised worker that marks calls on the call watch itself, for supervisor.test.ts. It tells the
// supervisor its thread (supervisedPort), so call deadlines are measured in its CPU time.
import { CallWatch } from '../../../../src/host/call-watch.js';
import { supervisedPort } from '../../../../src/supervise/worker-side.js';

export interface WatchedJob {
  mode: 'hang' | 'short-calls' | 'waits';
  exportNames: string[];
  /** For short-calls and waits: how long to keep calling, or to wait in a call, in ms. */
  forMs?: number;
}

const port = supervisedPort();

port.on('message', (job: WatchedJob & { watchBuffer: SharedArrayBuffer }) => {
  const ids = new Map(job.exportNames.map((name, i) => [name, i]));
  const watch = new CallWatch(job.watchBuffer, ids);
  switch (job.mode) {
    case 'hang':
      // Calls that return, then one that never does.
      for (let i = 0; i < 5; i++) {
        watch.enter('tokenize', [i]);
        watch.leave();
      }
      watch.setCase(4242, 17, new TextEncoder().encode('the hanging input'));
      watch.enter('process', [1024, 17, 4096, 8192]);
      for (;;);
    case 'short-calls': {
      const until = performance.now() + (job.forMs ?? 0);
      while (performance.now() < until) {
        watch.enter('process', [1]);
        watch.leave();
      }
      port.postMessage({ type: 'zc:done' });
      break;
    }
    case 'waits':
      // In a call for forMs, using no CPU: slow, not hung.
      watch.enter('process', [2]);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.forMs ?? 0);
      watch.leave();
      port.postMessage({ type: 'zc:done' });
      break;
  }
});
