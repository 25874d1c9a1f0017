// A supervised worker that does what its job says, for supervisor.test.ts. Plain JavaScript:
// it never announces its thread, so the supervisor measures it in wall-clock time.
import { parentPort } from 'node:worker_threads';
import { setInterval } from 'node:timers';
import { performance } from 'node:perf_hooks';

parentPort.on('message', (job) => {
  switch (job.mode) {
    case 'messages':
      for (let i = 0; i < job.count; i++) parentPort.postMessage({ index: i });
      parentPort.postMessage({ type: 'zc:done' });
      break;
    case 'idle':
      // Alive (the port keeps it so) but never done.
      setInterval(() => parentPort.postMessage({ type: 'tick' }), 20);
      break;
    case 'spin':
      for (;;);
    case 'host-work': {
      // Busy past any small deadline, but announced as the tool's own work.
      parentPort.postMessage({ type: 'zc:host-work', busy: true });
      const end = performance.now() + job.forMs;
      while (performance.now() < end);
      parentPort.postMessage({ type: 'zc:host-work', busy: false });
      if (job.then === 'spin') for (;;);
      parentPort.postMessage({ type: 'zc:done' });
      break;
    }
    case 'throw':
      throw new Error('the worker broke');
    case 'exit':
      process.exit(job.code);
      break;
    case 'return':
      parentPort.close();
      break;
  }
});
