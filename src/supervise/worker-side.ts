import { parentPort, type MessagePort } from 'node:worker_threads';
import type { SupervisorNotice } from './protocol.js';
import { currentThreadId } from './thread-cpu.js';

/**
 * The port a supervised worker talks on, after telling the supervisor which thread it is (so
 * that call deadlines can be measured in this thread's CPU time).
 */
export function supervisedPort(): MessagePort {
  const port = parentPort;
  if (!port) throw new Error('a supervised worker must run in a worker thread');
  port.postMessage({ type: 'zc:thread', tid: currentThreadId() } satisfies SupervisorNotice);
  return port;
}
