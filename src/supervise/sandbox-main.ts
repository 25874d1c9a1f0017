import type { SandboxRequest, SandboxReply } from './sandbox-protocol.js';
import { superviseWorker, type WorkerControl } from './supervisor.js';

/**
 * The sandbox process: it runs every supervised worker of its parent, each in a thread of its
 * own. Plugin code only ever runs here, so the parent can always end it, with SIGKILL if a
 * worker will not stop (wasm that keeps growing memory ignores a thread's termination).
 */
const send = (reply: SandboxReply): void => {
  process.send?.(reply);
};

/** The running workers' controls, by the parent's run id. */
const controls = new Map<number, WorkerControl>();

process.on('message', (request: SandboxRequest) => {
  const { id } = request;
  if ('post' in request) {
    controls.get(id)?.post(request.post);
    return;
  }
  if ('cancel' in request) {
    controls.get(id)?.cancel();
    return;
  }
  void superviseWorker({
    ...request.run,
    onMessage: (message) => send({ type: 'message', id, message }),
    onWedged: () => send({ type: 'wedged', id }),
    onControl: (control) => controls.set(id, control),
  }).then((end) => {
    controls.delete(id);
    send({ type: 'end', id, end });
  });
});

// The parent is gone: nothing here is worth finishing, and a wedged worker would keep a normal
// exit waiting, so the process ends at once.
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
