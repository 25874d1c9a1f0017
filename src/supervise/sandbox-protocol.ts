import type { CallWatchSettings, WorkerEnd } from './supervisor.js';

/** One worker to run, as the parent sends it: plain data (structured-clone serialization). */
export interface SandboxRun {
  entry: string;
  job: object;
  watch?: CallWatchSettings | undefined;
  overallTimeoutMs?: number | undefined;
}

/** Start a worker; post a message to a running one; or cancel it. */
export type SandboxRequest =
  { id: number; run: SandboxRun } | { id: number; post: unknown } | { id: number; cancel: true };

export type SandboxReply =
  | { type: 'message'; id: number; message: unknown }
  | { type: 'end'; id: number; end: WorkerEnd }
  /** A worker of this run did not exit after it was stopped: the process must be killed. */
  | { type: 'wedged'; id: number };
