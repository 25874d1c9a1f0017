/**
 * The gate's verdict on one mutant: runConformance on its bytes, at the default depth and,
 * when no must rule failed there, again at thorough depth with the same seed (fast-check
 * replays the same first cases, so a default kill is a thorough kill too).
 */
import { runConformance, type ConformanceReport, type PluginContract } from '../../src/index.js';

export type GateClass = 'killed' | 'killed-by-should' | 'survived' | 'error';

export interface GateRun {
  class: GateClass;
  /** Must rules that failed (or errored, when the run also killed). */
  mustFailed: string[];
  shouldFailed: string[];
  /** Rules whose check broke (status error), and a tool error's message. */
  errors: string[];
  durationMs: number;
}

export interface GateOptions {
  seed: number;
  /** A gate run that takes longer is given up on and counted as an error. */
  timeoutMs: number;
}

/** A contract to run with, and the rules it adds (the only ones run: see run.ts). */
export interface ContractRun {
  contract: PluginContract;
  rules: readonly string[];
}

export function classifyReport(report: ConformanceReport): Omit<GateRun, 'durationMs'> {
  const plugin = report.plugins[0];
  if (!plugin)
    return { class: 'error', mustFailed: [], shouldFailed: [], errors: ['no plugin report'] };
  const failed = (level: 'must' | 'should'): string[] =>
    plugin.results
      .filter((result) => result.level === level && result.status === 'fail')
      .map((result) => result.rule);
  // Rules whose checks broke the same way are named together, with the message once.
  const broken = new Map<string, string[]>();
  for (const result of plugin.results.filter((candidate) => candidate.status === 'error')) {
    const message = result.message.replaceAll(result.rule, '<rule>');
    broken.set(message, [...(broken.get(message) ?? []), result.rule]);
  }
  const errors = [...broken].map(([message, rules]) => `${rules.join(', ')}: ${message}`);
  if (plugin.verdict === 'error') {
    errors.push(
      `${plugin.error?.code ?? 'error'}: ${plugin.error?.message ?? 'the plugin could not be checked'}`,
    );
  }
  const mustFailed = failed('must');
  const shouldFailed = failed('should');
  const verdict: GateClass =
    mustFailed.length > 0
      ? 'killed'
      : errors.length > 0
        ? 'error'
        : shouldFailed.length > 0
          ? 'killed-by-should'
          : 'survived';
  return { class: verdict, mustFailed, shouldFailed, errors };
}

export async function gateRun(
  bytes: Uint8Array,
  depth: 'quick' | 'thorough',
  options: GateOptions,
  contract?: ContractRun,
): Promise<GateRun> {
  const began = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  try {
    const report = await Promise.race([
      contract
        ? runConformance(
            { plugin: bytes, contract: contract.contract },
            { seed: options.seed, depth, only: [...contract.rules], jobs: 1 },
          )
        : // One worker per gate run: the benchmark runs --jobs mutants at a time itself.
          runConformance(bytes, { seed: options.seed, depth, jobs: 1 }),
      timeout,
    ]);
    const durationMs = Math.round(performance.now() - began);
    if (report === 'timeout') {
      return {
        class: 'error',
        mustFailed: [],
        shouldFailed: [],
        errors: [
          `the ${depth}${contract ? ' contract' : ''} gate run took more than ${options.timeoutMs} ms and was given up`,
        ],
        durationMs,
      };
    }
    return { ...classifyReport(report), durationMs };
  } catch (error) {
    return {
      class: 'error',
      mustFailed: [],
      shouldFailed: [],
      errors: [`runConformance threw: ${error instanceof Error ? error.message : String(error)}`],
      durationMs: Math.round(performance.now() - began),
    };
  } finally {
    clearTimeout(timer);
  }
}
