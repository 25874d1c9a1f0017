// Call deadlines are measured in the calling thread's CPU time (read from /proc on Linux), so
// a loaded machine stretches only wall-clock time. On Linux the clock must exist and move with
// work done; elsewhere it is undefined and the supervisor falls back to wall-clock time.
import { describe, expect, it } from 'vitest';
import { currentThreadId, threadCpuClock } from '../../../src/supervise/thread-cpu.js';

const linux = process.platform === 'linux';

describe.runIf(linux)('the thread CPU clock', () => {
  it('names the calling thread and reads its CPU time, which grows with work', () => {
    const tid = currentThreadId();
    expect(tid).toBeGreaterThan(0);
    const clock = threadCpuClock(tid)!;
    expect(clock).toBeTypeOf('function');
    const before = clock();
    let x = 0;
    for (let i = 0; i < 3e8 && clock() - before < 30; i += 1) x += i % 7;
    expect(x).toBeGreaterThan(0);
    expect(clock()).toBeGreaterThan(before);
  });

  it('gives no clock for a thread that is not there', () => {
    expect(threadCpuClock(2 ** 30)).toBeUndefined();
    expect(threadCpuClock(undefined)).toBeUndefined();
  });
});
