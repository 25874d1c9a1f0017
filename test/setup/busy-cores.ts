// With ZC_STRESS set (npm run test:stress), the whole suite runs with every core kept busy by a
// spinning process, as on a saturated CI runner: verdicts must not depend on machine load.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Spins, and ends once its parent is gone (it is then adopted: another parent pid). A run
 * stopped from outside (a killed vitest) must not leave loops behind to slow the next one.
 */
const LOOP =
  'const parent = process.ppid; for (let i = 1; ; i++) if (i % 1e7 === 0 && process.ppid !== parent) process.exit(0);';

export function startBusyLoops(count = availableParallelism()): () => void {
  const loops: ChildProcess[] = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', LOOP], { stdio: 'ignore' }),
  );
  return () => {
    for (const loop of loops) loop.kill('SIGKILL');
  };
}

export default function setup(): (() => void) | undefined {
  if (!process.env['ZC_STRESS']) return undefined;
  const stop = startBusyLoops();
  console.log(`ZC_STRESS: ${availableParallelism()} busy loops, one per core, for the whole run`);
  return stop;
}
