import { Worker } from 'node:worker_threads';
import { CallWatchReader, type WatchedCall } from '../host/call-watch.js';
import { isSupervisorNotice } from './protocol.js';

/** Why the supervisor ended a worker before it said it was done. */
export type StopReason = 'hang' | 'memory-bomb' | 'overall-deadline';

export type WorkerEnd =
  | { kind: 'done' }
  | {
      kind: 'stopped';
      reason: StopReason;
      /** The call that was running (or last ran), when the worker's calls are watched. */
      call: WatchedCall | undefined;
      /** How long the stopped call (or, for overall-deadline, the whole worker) had run. */
      elapsedMs: number;
      /** What the supervisor saw, in words: `the process grew to 900 MiB while ...`. */
      detail: string;
    }
  /** `failed: <error>` or `exited with code <n>`, to follow "the worker" in a sentence. */
  | { kind: 'crashed'; message: string };

export interface CallWatchSettings {
  buffer: SharedArrayBuffer;
  /** Export names by the ids the worker's CallWatch writes. */
  exportNames: readonly string[];
  /** A call running longer than this is stopped as a hang. */
  callTimeoutMs: number;
  /** A call during which the process's resident memory passes this is stopped as a memory bomb. */
  rssCeilingBytes?: number;
}

export interface SupervisedWorker<Job, Message> {
  /** The worker module: a .ts source under vitest/tsx, a .js file when built. */
  entry: URL;
  /** Posted to the worker once it starts. */
  job: Job;
  /** Watch every plugin call the worker makes (through the shared call watch). */
  watch?: CallWatchSettings;
  /** A deadline for the worker as a whole. */
  overallTimeoutMs?: number;
  /** Every message that is not a supervisor notice, in order. */
  onMessage?: (message: Message) => void;
}

// From TypeScript sources the worker needs tsx's loader, which the bootstrap registers.
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/**
 * Runs one worker and watches it: a watched call past its deadline, or one during which the
 * process's memory passes the ceiling, is stopped by terminating the worker, as is a worker past
 * its overall deadline. Everything ends as data (done, stopped with the call, or crashed); what a
 * stop means for a verdict is the caller's business.
 */
export function superviseWorker<Job, Message>(
  run: SupervisedWorker<Job, Message>,
): Promise<WorkerEnd> {
  const fromSource = run.entry.pathname.endsWith('.ts');
  const worker = new Worker(fromSource ? BOOTSTRAP : run.entry, {
    workerData: { entry: run.entry.href },
    stdout: true,
    stderr: true,
  });
  let workerStderr = '';
  worker.stderr.on('data', (chunk: Buffer) => {
    if (workerStderr.length < 8192) workerStderr += chunk.toString();
  });
  worker.stdout.resume(); // a plugin's stdout is captured by the host; anything else is noise
  const reader = run.watch
    ? new CallWatchReader(run.watch.buffer, run.watch.exportNames)
    : undefined;
  const started = performance.now();

  return new Promise<WorkerEnd>((resolve) => {
    let settled = false;
    const timers: Array<ReturnType<typeof setInterval>> = [];
    const finish = (end: WorkerEnd): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearInterval(timer);
      void worker.terminate();
      resolve(end);
    };

    if (run.watch && reader) {
      const { callTimeoutMs, rssCeilingBytes } = run.watch;
      let watched: { sequence: number; since: number } | undefined;
      const pollMs = Math.max(5, Math.min(100, Math.floor(callTimeoutMs / 8)));
      timers.push(
        setInterval(() => {
          const call = reader.current();
          if (!call) {
            watched = undefined;
            return;
          }
          const now = performance.now();
          if (watched?.sequence !== call.sequence)
            watched = { sequence: call.sequence, since: now };
          const elapsedMs = Math.round(now - watched.since);
          if (elapsedMs > callTimeoutMs) {
            finish({ kind: 'stopped', reason: 'hang', call, elapsedMs, detail: '' });
          } else if (rssCeilingBytes !== undefined && process.memoryUsage.rss() > rssCeilingBytes) {
            const rss = Math.round(process.memoryUsage.rss() / 1048576);
            const detail = `the process grew to ${rss} MiB while \`${call.exportName}\` ran`;
            finish({ kind: 'stopped', reason: 'memory-bomb', call, elapsedMs, detail });
          }
        }, pollMs),
      );
    }
    if (run.overallTimeoutMs !== undefined) {
      const limit = run.overallTimeoutMs;
      timers.push(
        setInterval(
          () => {
            const elapsedMs = Math.round(performance.now() - started);
            if (elapsedMs < limit) return;
            finish({
              kind: 'stopped',
              reason: 'overall-deadline',
              call: reader?.current(),
              elapsedMs,
              detail: '',
            });
          },
          Math.max(5, Math.min(250, Math.floor(limit / 8))),
        ),
      );
    }

    worker.on('message', (message: unknown) => {
      if (!isSupervisorNotice(message)) {
        run.onMessage?.(message as Message);
        return;
      }
      if (message.type === 'zc:done') {
        finish({ kind: 'done' });
        return;
      }
      finish({
        kind: 'stopped',
        reason: message.reason,
        call: reader?.last(),
        elapsedMs: 0,
        detail: message.detail,
      });
    });
    worker.on('error', (error: Error) => {
      const stderr = workerStderr.trim();
      finish({
        kind: 'crashed',
        message: `failed: ${error.message}${stderr ? `\n${stderr}` : ''}`,
      });
    });
    worker.on('exit', (code) => {
      finish({ kind: 'crashed', message: `exited with code ${code}` });
    });
    worker.postMessage(run.job);
  });
}
