import type { SandboxRequest, SandboxReply } from './sandbox-protocol.js';
import { superviseWorker } from './supervisor.js';

/**
 * The sandbox process: it runs every supervised worker of its parent, each in a thread of its
 * own. Plugin code only ever runs here, so the parent can always end it, with SIGKILL if a
 * worker will not stop (wasm that keeps growing memory ignores a thread's termination).
 */
const send = (reply: SandboxReply): void => {
  process.send?.(reply);
};

process.on('message', (request: SandboxRequest) => {
  const { id, run } = request;
  void superviseWorker({
    ...run,
    onMessage: (message) => send({ type: 'message', id, message }),
    onWedged: () => send({ type: 'wedged', id }),
  }).then((end) => send({ type: 'end', id, end }));
});

// The parent is gone: nothing here is worth finishing, and a wedged worker would keep a normal
// exit waiting, so the process ends at once.
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
