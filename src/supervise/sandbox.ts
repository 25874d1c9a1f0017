import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import type { SandboxReply, SandboxRequest } from './sandbox-protocol.js';
import type { SupervisedWorker, WorkerControl, WorkerEnd } from './supervisor.js';

/** A worker started in the sandbox: its end, and its controls (see WorkerControl). */
export interface SupervisedRun extends WorkerControl {
  ended: Promise<WorkerEnd>;
}

const SANDBOX_MAIN = new URL(
  import.meta.url.endsWith('.ts') ? './sandbox-main.ts' : './sandbox-main.js',
  import.meta.url,
);

/** The sandbox process may use this much memory before the run stops as out of memory. */
const MEMORY_CEILING_BYTES = Math.floor(totalmem() * 0.75);
const MEMORY_POLL_MS = 500;

interface PendingRun {
  onMessage: ((message: unknown) => void) | undefined;
  resolve: (end: WorkerEnd) => void;
}

/**
 * The parent's side of the sandbox: one child process, started on first use and reused, in
 * which every supervised worker runs. Killing it is the one stop nothing in wasm can ignore;
 * runs that were in it when it had to go end as `evicted`, to be resumed elsewhere.
 */
class SandboxProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, PendingRun>();
  private nextId = 1;
  private memoryTimer: ReturnType<typeof setInterval> | undefined;
  private endReason: WorkerEnd | undefined;
  alive = true;

  constructor() {
    this.child = fork(SANDBOX_MAIN, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: SANDBOX_MAIN.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    });
    this.child.on('message', (reply: SandboxReply) => this.receive(reply));
    this.child.on('exit', (code, signal) => {
      this.alive = false;
      if (this.memoryTimer) clearInterval(this.memoryTimer);
      const end: WorkerEnd = this.endReason ?? {
        kind: 'crashed',
        message: `lost its sandbox process (${signal ? `signal ${signal}` : `exit code ${code}`})`,
      };
      for (const run of this.pending.values()) run.resolve(end);
      this.pending.clear();
    });
    this.idle();
  }

  run<Job extends object, Message>(spec: SupervisedWorker<Job, Message>): SupervisedRun {
    const id = this.nextId++;
    const request: SandboxRequest = {
      id,
      run: {
        entry: spec.entry,
        job: spec.job,
        watch: spec.watch,
        overallTimeoutMs: spec.overallTimeoutMs,
      },
    };
    const ended = new Promise<WorkerEnd>((resolve) => {
      this.pending.set(id, {
        onMessage: spec.onMessage as ((message: unknown) => void) | undefined,
        resolve,
      });
      this.busy();
      this.child.send(request);
    });
    const send = (control: SandboxRequest): void => {
      if (this.alive && this.pending.has(id)) this.child.send(control);
    };
    return {
      ended,
      post: (message) => send({ id, post: message }),
      cancel: () => send({ id, cancel: true }),
    };
  }

  kill(end: WorkerEnd): void {
    this.endReason ??= end;
    this.alive = false;
    this.child.kill('SIGKILL');
  }

  private receive(reply: SandboxReply): void {
    const run = this.pending.get(reply.id);
    if (reply.type === 'message') {
      run?.onMessage?.(reply.message);
    } else if (reply.type === 'end') {
      this.pending.delete(reply.id);
      run?.resolve(reply.end);
      if (this.pending.size === 0) this.idle();
    } else {
      // A stopped worker that would not exit (wasm that keeps growing memory ignores a
      // thread's termination): only the process can end it. Other runs start over elsewhere.
      this.kill({
        kind: 'evicted',
        message: 'the sandbox process was restarted to stop a call that would not stop',
      });
    }
  }

  /** While runs are in flight the process keeps the parent alive, and its memory is watched. */
  private busy(): void {
    this.child.ref();
    this.child.channel?.ref();
    this.memoryTimer ??= setInterval(() => this.checkMemory(), MEMORY_POLL_MS);
  }

  private idle(): void {
    this.child.unref();
    this.child.channel?.unref();
    if (this.memoryTimer) clearInterval(this.memoryTimer);
    this.memoryTimer = undefined;
  }

  private checkMemory(): void {
    const rss = residentBytes(this.child.pid);
    if (rss === undefined || rss <= MEMORY_CEILING_BYTES) return;
    const gib = (bytes: number): string => (bytes / 2 ** 30).toFixed(1);
    this.kill({
      kind: 'crashed',
      message: `ran out of memory: the checker's sandbox process reached ${gib(rss)} GiB (the ceiling is ${gib(MEMORY_CEILING_BYTES)} GiB, 75% of this machine's memory)`,
    });
  }
}

/** Resident memory of a process, from /proc (undefined where there is none). */
function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]);
    return Number.isFinite(pages) ? pages * 4096 : undefined;
  } catch {
    return undefined;
  }
}

let sandbox: SandboxProcess | undefined;
let exitHookInstalled = false;

/**
 * Runs a supervised worker in the sandbox process (starting one if there is none or the last
 * one had to be killed) and resolves with how it ended.
 */
export function runSupervised<Job extends object, Message>(
  spec: SupervisedWorker<Job, Message>,
): Promise<WorkerEnd> {
  return startSupervised(spec).ended;
}

/** Starts a supervised worker in the sandbox process, returning its end and its controls. */
export function startSupervised<Job extends object, Message>(
  spec: SupervisedWorker<Job, Message>,
): SupervisedRun {
  return liveSandbox().run(spec);
}

/**
 * Starts the sandbox process now, if none is running, so that its Node start overlaps the
 * caller's own work (reading options, the spec, the plugin) instead of following it.
 */
export function prewarmSandbox(): void {
  liveSandbox();
}

function liveSandbox(): SandboxProcess {
  if (!sandbox?.alive) sandbox = new SandboxProcess();
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // The sandbox must never outlive its parent, whatever the parent exits through.
    process.on('exit', () => sandbox?.kill({ kind: 'crashed', message: 'the parent exited' }));
  }
  return sandbox;
}
