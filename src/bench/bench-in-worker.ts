import { runSupervised } from '../supervise/sandbox.js';
import { formatSize } from '../util/format-size.js';
import type { BenchEvent, PluginFindings, PluginJob } from './bench-plugin.js';

export type BenchWorkerMessage = BenchEvent | { type: 'findings'; findings: PluginFindings };

const BENCH_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './bench-worker.ts' : './bench-worker.js',
  import.meta.url,
);

/**
 * Runs one plugin's bench in a supervised worker with an overall deadline. A plugin that hangs
 * is stopped by terminating the worker; one whose worker dies is reported too. Either way the
 * result is an error verdict that keeps the cases finished before it, never an exception.
 */
export async function benchInWorker(
  job: PluginJob,
  timeoutMs: number,
  onEvent?: (event: BenchEvent) => void,
): Promise<PluginFindings> {
  let latest: PluginFindings | undefined;
  let final: PluginFindings | undefined;
  let current: { export: string; size: number } | undefined;
  const end = await runSupervised<PluginJob, BenchWorkerMessage>({
    entry: BENCH_WORKER.href,
    job,
    overallTimeoutMs: timeoutMs,
    onMessage: (message) => {
      if (message.type === 'findings') {
        final = message.findings;
        return;
      }
      if (message.type === 'case-start') current = { export: message.export, size: message.size };
      else {
        latest = message.findings;
        current = undefined;
      }
      onEvent?.(message);
    },
  });
  if (end.kind === 'done' && final) return final;

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
  if (end.kind === 'stopped') {
    const where = current
      ? `while running \`${current.export}\` on ${formatSize(current.size)} of input`
      : 'while starting the plugin';
    return failed(
      `did not finish within ${timeoutMs} ms of its own time (--plugin-timeout): stopped ${where}`,
      `stopped: still running after ${timeoutMs} ms of the plugin's own time (--plugin-timeout; the host's preparation of inputs is not counted): a call that never returns, or too slow for this size`,
    );
  }
  const message =
    end.kind === 'crashed' || end.kind === 'evicted' ? end.message : 'ended without its findings';
  return failed(`the bench worker ${message}`, `the worker ${message}`);
}
