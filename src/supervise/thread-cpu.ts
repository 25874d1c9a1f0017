import { readFileSync, readlinkSync } from 'node:fs';

/**
 * CPU time of one thread, from Linux's /proc: the deadline of a call is the CPU time its thread
 * spent in it, so a saturated machine (which stretches wall-clock time, not CPU time) cannot
 * turn a slow call into a hang. Elsewhere (no /proc) the reader is undefined and the supervisor
 * falls back to wall-clock time.
 */

/** Clock ticks per second in /proc's stat files (USER_HZ): 100 on every Linux port. */
const TICKS_PER_SECOND = 100;

/** The calling thread's id, read where the thread runs (a worker calls this at its start). */
export function currentThreadId(): number | undefined {
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isSafeInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** A function that reads the thread's user + system CPU time in ms, or undefined off Linux. */
export function threadCpuClock(tid: number | undefined): (() => number) | undefined {
  if (tid === undefined) return undefined;
  const path = `/proc/self/task/${tid}/stat`;
  const read = (): number => {
    const stat = readFileSync(path, 'latin1');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / TICKS_PER_SECOND;
  };
  try {
    read();
    return read;
  } catch {
    return undefined;
  }
}
