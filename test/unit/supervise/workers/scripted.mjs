// A supervised worker that does what its job says, for supervisor.test.ts. Plain JavaScript:
// it never announces its thread, so the supervisor measures it in wall-clock time.
import { parentPort } from 'node:worker_threads';
import { setInterval } from 'node:timers';

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
