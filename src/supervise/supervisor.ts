import { Worker } from 'node:worker_threads';
import { CallWatchReader, createWatchBuffer, type WatchedCall } from '../host/call-watch.js';
import { isSupervisorNotice } from './protocol.js';
import { threadCpuClock } from './thread-cpu.js';

/** How one supervised worker ended. What an end means for a verdict is the caller's business. */
export type WorkerEnd =
  | { kind: 'done' }
  | {
      kind: 'stopped';
      /** hang: a watched call used its CPU deadline; overall-deadline: the worker ran too long. */
      reason: 'hang' | 'overall-deadline';
      /** The call that was running, when the worker's calls are watched. */
      call: WatchedCall | undefined;
      /** CPU time of the stopped call (wall-clock time where the platform cannot tell). */
      cpuMs: number;
      wallMs: number;
      /** The call's deadline: the base one, plus its allowance for a large input. */
      deadlineMs: number;
    }
  | {
      /** A call got too little CPU to judge within the wall-clock backstop: no verdict. */
      kind: 'starved';
      call: WatchedCall;
      cpuMs: number;
      wallMs: number;
      deadlineMs: number;
    }
  /** `failed: <error>` or `exited with code <n>`, to follow "the worker" in a sentence. */
  | { kind: 'crashed'; message: string }
  /** The sandbox process had to be replaced while this worker ran; it did nothing wrong. */
  | { kind: 'evicted'; message: string };

export interface CallWatchSettings {
  /** Export names by the ids the worker's CallWatch writes. */
  exportNames: readonly string[];
  /** A call that uses this much CPU time without returning is stopped as a hang... */
  callTimeoutMs: number;
  /** ...plus this much per MiB of input, so that a large input is not taken for a hang. */
  callTimeoutMsPerMiB: number;
}

/** The CPU deadline of one call, from the bytes the host passed it. */
export const callDeadlineMs = (settings: CallWatchSettings, callBytes: number): number =>
  Math.round(settings.callTimeoutMs + (settings.callTimeoutMsPerMiB * callBytes) / 2 ** 20);

export interface SupervisedWorker<Job, Message> {
  /** The worker module: a .ts source under vitest/tsx, a .js file when built. */
  entry: string;
  /** Posted to the worker once it starts; with `watch`, it gets `watchBuffer` added. */
  job: Job;
  /** Watch every plugin call the worker makes, through a shared call watch. */
  watch?: CallWatchSettings | undefined;
  /**
   * A wall-clock deadline for the worker as a whole. Time between a worker's
   * `zc:host-work` busy and idle notices (the tool's own work) does not count, up to as much
   * again as the deadline.
   */
  overallTimeoutMs?: number | undefined;
  /** Every message that is not a supervisor notice, in order. */
  onMessage?: (message: Message) => void;
  /** Called when a stopped worker does not exit within a second: only killing the process ends it. */
  onWedged?: () => void;
  /** Handed the worker's controls once its job is posted: later messages, and a cancel. */
  onControl?: (control: WorkerControl) => void;
}

/** What the caller can do with a running worker besides waiting for its end. */
export interface WorkerControl {
  /** Posts a message after the job (a worker that takes more work as it goes). */
  post(message: unknown): void;
  /** Ends the worker now, as evicted: its run no longer wants what it is doing. */
  cancel(): void;
}

// From TypeScript sources the worker needs tsx's loader, which the bootstrap registers.
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** How long a terminated worker may take to exit before it counts as wedged. */
const EXIT_GRACE_MS = 1000;

/**
 * The wall-clock time a watched call may take to use its CPU deadline: past it, the machine
 * is too busy to tell a hang from a slow call, and the run says so instead of guessing.
 */
export const starvationBackstopMs = (callTimeoutMs: number): number => callTimeoutMs * 10 + 10_000;

/**
 * Runs one worker thread and watches it. A watched call that has used its deadline in CPU time
 * (the worker thread's own, so machine load does not count) is stopped by terminating the
 * worker, as is a worker past its overall deadline. Everything ends as data.
 */
export function superviseWorker<Job extends object, Message>(
  run: SupervisedWorker<Job, Message>,
): Promise<WorkerEnd> {
  const entry = new URL(run.entry);
  const fromSource = entry.pathname.endsWith('.ts');
  const worker = new Worker(fromSource ? BOOTSTRAP : entry, {
    workerData: { entry: entry.href },
    stdout: true,
    stderr: true,
  });
  let workerStderr = '';
  worker.stderr.on('data', (chunk: Buffer) => {
    if (workerStderr.length < 8192) workerStderr += chunk.toString();
  });
  worker.stdout.resume(); // a plugin's stdout is captured by the host; anything else is noise
  const watchBuffer = run.watch ? createWatchBuffer() : undefined;
  const reader =
    run.watch && watchBuffer ? new CallWatchReader(watchBuffer, run.watch.exportNames) : undefined;
  let cpuClock: (() => number) | undefined;
  // The overall deadline counts from the thread's start: creating it is no time of the job's.
  let started = performance.now();
  worker.once('online', () => {
    started = performance.now();
  });
  // Host-side work the worker announced: its time is not charged to the overall deadline.
  let hostWorkMs = 0;
  let hostWorkSince: number | undefined;
  let exited = false;

  return new Promise<WorkerEnd>((resolve) => {
    let settled = false;
    const timers: Array<ReturnType<typeof setInterval>> = [];
    const finish = (end: WorkerEnd): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearInterval(timer);
      if (!exited) {
        void worker.terminate();
        const grace = setTimeout(() => {
          if (!exited) run.onWedged?.();
        }, EXIT_GRACE_MS);
        grace.unref();
      }
      resolve(end);
    };

    if (run.watch && reader) {
      const watch = run.watch;
      let watched: { sequence: number; wall: number; cpu: number } | undefined;
      const pollMs = Math.max(5, Math.min(100, Math.floor(watch.callTimeoutMs / 8)));
      timers.push(
        setInterval(() => {
          const call = reader.current();
          if (!call) {
            watched = undefined;
            return;
          }
          const wall = performance.now();
          const cpu = cpuClock?.() ?? wall;
          if (watched?.sequence !== call.sequence) watched = { sequence: call.sequence, wall, cpu };
          const cpuMs = Math.round(cpu - watched.cpu);
          const wallMs = Math.round(wall - watched.wall);
          const deadlineMs = callDeadlineMs(watch, call.callBytes);
          if (cpuMs > deadlineMs) {
            finish({ kind: 'stopped', reason: 'hang', call, cpuMs, wallMs, deadlineMs });
          } else if (wallMs > starvationBackstopMs(deadlineMs)) {
            finish({ kind: 'starved', call, cpuMs, wallMs, deadlineMs });
          }
        }, pollMs),
      );
    }
    if (run.overallTimeoutMs !== undefined) {
      const limit = run.overallTimeoutMs;
      timers.push(
        setInterval(
          () => {
            const now = performance.now();
            const wallMs = Math.round(now - started);
            // Capped at the deadline itself: plugin code reached from host work (an `alloc`
            // the host places buffers through) cannot hold the worker for more than twice it.
            const hostMs = Math.min(
              limit,
              hostWorkMs + (hostWorkSince === undefined ? 0 : now - hostWorkSince),
            );
            if (wallMs - hostMs < limit) return;
            finish({
              kind: 'stopped',
              reason: 'overall-deadline',
              call: reader?.current(),
              cpuMs: wallMs,
              wallMs,
              deadlineMs: limit,
            });
          },
          Math.max(5, Math.min(250, Math.floor(limit / 8))),
        ),
      );
    }

    worker.on('message', (message: unknown) => {
      if (!isSupervisorNotice(message)) {
        run.onMessage?.(message as Message);
      } else if (message.type === 'zc:thread') {
        cpuClock = threadCpuClock(message.tid);
      } else if (message.type === 'zc:host-work') {
        if (message.busy) hostWorkSince ??= performance.now();
        else if (hostWorkSince !== undefined) {
          hostWorkMs += performance.now() - hostWorkSince;
          hostWorkSince = undefined;
        }
      } else {
        finish({ kind: 'done' });
      }
    });
    worker.on('error', (error: Error) => {
      const stderr = workerStderr.trim();
      finish({
        kind: 'crashed',
        message: `failed: ${error.message}${stderr ? `\n${stderr}` : ''}`,
      });
    });
    worker.on('exit', (code) => {
      exited = true;
      finish({ kind: 'crashed', message: `exited with code ${code}` });
    });
    worker.postMessage(watchBuffer ? { ...run.job, watchBuffer } : run.job);
    run.onControl?.({
      post: (message) => {
        if (!settled) worker.postMessage(message);
      },
      cancel: () => finish({ kind: 'evicted', message: 'was cancelled by its run' }),
    });
  });
}
