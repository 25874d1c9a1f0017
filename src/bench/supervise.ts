import { Worker } from 'node:worker_threads';
import type { BenchEvent, PluginFindings, PluginJob } from './bench-plugin.js';
import { formatSize } from './sizes.js';

export type BenchWorkerMessage = BenchEvent | { type: 'done'; findings: PluginFindings };

// From TypeScript sources (vitest, tsx) the worker needs tsx's loader, which a bootstrap registers.
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './worker-source-bootstrap.mjs' : './worker-main.js',
  import.meta.url,
);

/**
 * Runs one plugin's bench in a worker with an overall deadline. A plugin that hangs is
 * stopped by terminating the worker; one whose worker dies is reported too. Either way the
 * result is an error verdict that keeps the cases finished before it, never an exception.
 */
export function benchInWorker(
  job: PluginJob,
  timeoutMs: number,
  onEvent?: (event: BenchEvent) => void,
): Promise<PluginFindings> {
  const worker = new Worker(WORKER_URL, { stdout: true, stderr: true });
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 8192) stderr += chunk.toString();
  });
  worker.stdout.resume(); // a plugin's stdout is captured by the host; anything else is noise
  let latest: PluginFindings | undefined;
  let current: { export: string; size: number } | undefined;

  return new Promise<PluginFindings>((resolve) => {
    let settled = false;
    const finish = (findings: PluginFindings): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(findings);
    };
    const failed = (message: string, runningCase?: string): PluginFindings => {
      const findings: PluginFindings = latest ?? {
        info: null,
        status: 'error',
        jsBaseline: null,
        instructions: { status: job.counter ? 'counted' : 'skipped' },
        cases: [],
      };
      if (current && runningCase) {
        findings.cases.push({
          status: 'error',
          export: current.export,
          size: current.size,
          message: runningCase,
        });
      }
      return { ...findings, status: 'error', error: message };
    };
    const timer = setTimeout(() => {
      const where = current
        ? `while running \`${current.export}\` on ${formatSize(current.size)} of input`
        : 'while starting the plugin';
      finish(
        failed(
          `did not finish within ${timeoutMs} ms (--plugin-timeout): stopped ${where}`,
          `stopped: still running at the plugin's ${timeoutMs} ms deadline (a call that never returns?)`,
        ),
      );
    }, timeoutMs);

    worker.on('message', (message: BenchWorkerMessage) => {
      if (message.type === 'done') {
        finish(message.findings);
        return;
      }
      if (message.type === 'case-start') current = { export: message.export, size: message.size };
      else {
        latest = message.findings;
        current = undefined;
      }
      onEvent?.(message);
    });
    worker.on('error', (error: Error) => {
      const detail = stderr.trim() ? `\n${stderr.trim()}` : '';
      finish(
        failed(
          `the bench worker failed: ${error.message}${detail}`,
          `the worker failed: ${error.message}`,
        ),
      );
    });
    worker.on('exit', (code) => {
      finish(
        failed(`the bench worker exited with code ${code}`, `the worker exited with code ${code}`),
      );
    });
    worker.postMessage(job);
  });
}
