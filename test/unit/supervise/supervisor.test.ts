// superviseWorker with real worker threads (workers/): deadlines are kept small, and only the
// outcomes are asserted, never how long anything took.
import { describe, expect, it } from 'vitest';
import { INSTANTIATE } from '../../../src/host/plugin-instance.js';
import {
  superviseWorker,
  type CallWatchSettings,
  type WorkerEnd,
} from '../../../src/supervise/supervisor.js';
import { wat } from '../../helpers/wat.js';
import type { PluginJob } from './workers/plugin-hang.js';
import type { WatchedJob } from './workers/watched.js';

const SCRIPTED = new URL('./workers/scripted.mjs', import.meta.url).href;
const WATCHED = new URL('./workers/watched.ts', import.meta.url).href;
const PLUGIN_HANG = new URL('./workers/plugin-hang.ts', import.meta.url).href;
const EXPORT_NAMES = [INSTANTIATE, 'process', 'tokenize', 'spin'];

type ScriptedJob =
  | { mode: 'messages'; count: number }
  | { mode: 'idle' | 'spin' | 'throw' | 'return' }
  | { mode: 'host-work'; forMs: number; then: 'done' | 'spin' }
  | { mode: 'exit'; code: number };

async function runScripted(
  job: ScriptedJob,
  options: { overallTimeoutMs?: number } = {},
): Promise<{ end: WorkerEnd; messages: unknown[] }> {
  const messages: unknown[] = [];
  const end = await superviseWorker<ScriptedJob, unknown>({
    entry: SCRIPTED,
    job,
    onMessage: (message) => messages.push(message),
    ...options,
  });
  return { end, messages };
}

async function runWatched(
  job: Omit<WatchedJob, 'exportNames'>,
  watch: Omit<CallWatchSettings, 'exportNames'>,
  options: { overallTimeoutMs?: number } = {},
): Promise<{ end: WorkerEnd; messages: unknown[] }> {
  const messages: unknown[] = [];
  const end = await superviseWorker<WatchedJob, unknown>({
    entry: WATCHED,
    job: { ...job, exportNames: EXPORT_NAMES },
    watch: { exportNames: EXPORT_NAMES, ...watch },
    onMessage: (message) => messages.push(message),
    ...options,
  });
  return { end, messages };
}

const stopped = (end: WorkerEnd): Extract<WorkerEnd, { kind: 'stopped' }> => {
  if (end.kind !== 'stopped') throw new Error(`expected a stop, got ${JSON.stringify(end)}`);
  return end;
};

// Concurrent: a stop is decided from what the supervisor sees (and hangs from CPU time), so
// contention only delays it.
describe.concurrent('superviseWorker', () => {
  it('a worker that posts messages and then zc:done ends as done, messages in order', async () => {
    const { end, messages } = await runScripted({ mode: 'messages', count: 5 });
    expect(end).toEqual({ kind: 'done' });
    expect(messages).toEqual([0, 1, 2, 3, 4].map((index) => ({ index })));
  });

  it('supervisor notices are not passed on as messages', async () => {
    const { messages } = await runScripted({ mode: 'messages', count: 0 });
    expect(messages).toEqual([]);
  });

  it('a call that never returns is stopped as a hang, naming it, after calls that returned', async () => {
    const { end, messages } = await runWatched(
      { mode: 'hang' },
      { callTimeoutMs: 100, callTimeoutMsPerMiB: 0 },
    );
    const stop = stopped(end);
    expect(stop.reason).toBe('hang');
    expect(stop.call).toEqual({
      sequence: 6,
      exportName: 'process',
      args: [1024, 17, 4096, 8192],
      callBytes: 0,
      caseIndex: 17,
      caseSeed: 4242,
      input: { length: 17, head: new TextEncoder().encode('the hanging input') },
    });
    expect(messages).toEqual([]); // zc:thread is the supervisor's
  });

  it('a plugin call through the real host that loops forever is a hang', async () => {
    const bytes = wat('(module (func (export "spin") (param i32) (loop $forever (br $forever))))');
    const module = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
    const end = await superviseWorker<PluginJob, unknown>({
      entry: PLUGIN_HANG,
      job: { module, exportNames: EXPORT_NAMES },
      watch: { exportNames: EXPORT_NAMES, callTimeoutMs: 100, callTimeoutMsPerMiB: 0 },
    });
    expect(stopped(end)).toMatchObject({
      reason: 'hang',
      call: { sequence: 2, exportName: 'spin', args: [7, 0, 0, 0] },
    });
  });

  it.each([
    { mode: 'idle' as const, name: 'an idle worker' },
    { mode: 'spin' as const, name: 'a worker spinning outside any watched call' },
  ])('$name past overallTimeoutMs ends as overall-deadline', async ({ mode }) => {
    const { end } = await runScripted({ mode }, { overallTimeoutMs: 150 });
    expect(stopped(end)).toMatchObject({ reason: 'overall-deadline', call: undefined });
  });

  it('host-side work the worker announces does not count against overallTimeoutMs', async () => {
    // Host work longer than the deadline, shorter than twice it (the cap), with room for
    // the worker to load its module before it announces the work.
    const { end } = await runScripted(
      { mode: 'host-work', forMs: 1300, then: 'done' },
      { overallTimeoutMs: 1000 },
    );
    expect(end).toEqual({ kind: 'done' });
  });

  it('host-side work that never ends is stopped at twice the overall deadline', async () => {
    // Without the cap the worker would never be stopped (and the test would time out); the
    // deadline leaves room for the worker's own start, so the stop comes during host work.
    const { end } = await runScripted(
      { mode: 'host-work', forMs: 1e9, then: 'done' },
      { overallTimeoutMs: 800 },
    );
    expect(stopped(end)).toMatchObject({ reason: 'overall-deadline', call: undefined });
  });

  it('after host-side work, the overall deadline counts again', async () => {
    const { end } = await runScripted(
      { mode: 'host-work', forMs: 200, then: 'spin' },
      { overallTimeoutMs: 100 },
    );
    expect(stopped(end)).toMatchObject({ reason: 'overall-deadline', call: undefined });
  });

  // The deadline is CPU time of the worker's thread, read from /proc: Linux only.
  it.runIf(process.platform === 'linux')(
    'a call that waits past its deadline without using CPU is slow, not a hang',
    async () => {
      const { end } = await runWatched(
        { mode: 'waits', forMs: 300 },
        { callTimeoutMs: 100, callTimeoutMsPerMiB: 0 },
      );
      expect(end).toEqual({ kind: 'done' });
    },
  );

  it.each<{ job: ScriptedJob; message: RegExp }>([
    { job: { mode: 'throw' }, message: /^failed: the worker broke/ },
    { job: { mode: 'exit', code: 3 }, message: /^exited with code 3$/ },
    { job: { mode: 'return' }, message: /^exited with code 0$/ },
  ])('a worker that ends without zc:done ($job.mode) ends as crashed', async ({ job, message }) => {
    const { end } = await runScripted(job);
    expect(end.kind).toBe('crashed');
    expect(end.kind === 'crashed' && end.message).toMatch(message);
  });
});

// Alone: where the thread's CPU time cannot be read the deadline is wall-clock time, and a call
// descheduled between its enter and leave by the busy workers above could look like a hang.
describe('superviseWorker, one worker at a time', () => {
  it('many short calls are not a hang, however long they run together', async () => {
    const { end } = await runWatched(
      { mode: 'short-calls', forMs: 250 },
      { callTimeoutMs: 100, callTimeoutMsPerMiB: 0 },
    );
    expect(end).toEqual({ kind: 'done' });
  });
});
