import type { BenchReport } from '../../../src/spec-model/bench-report-types.generated.js';
import type {
  ConformanceReport,
  RuleResult,
} from '../../../src/spec-model/report-types.generated.js';
import { HOSTILE } from '../../helpers/hostile-text.js';

const counts = { pass: 0, fail: 3, skip: 1, mustFailed: 2, shouldFailed: 1, error: 0 };

const failing = (rule: string, area: string): RuleResult => ({
  rule,
  level: 'must',
  area,
  description: `description ${HOSTILE}`,
  status: 'fail',
  message: `message ${HOSTILE}`,
  durationMs: 1,
  failures: [
    {
      expected: `expected ${HOSTILE}`,
      found: `found ${HOSTILE}\nsecond line ${HOSTILE}`,
      where: `where ${HOSTILE}`,
      call: `call ${HOSTILE}`,
      replay: `npx zenith-conform ${HOSTILE} --only ${rule}`,
      output: {
        stdout: `stdout ${HOSTILE}\n`,
        stderr: `stderr line 1 ${HOSTILE}\nstderr line 2 ${HOSTILE}\n`,
        log: [`log ${HOSTILE}`, `log 2 ${HOSTILE}\n`],
      },
      counterexample: { case: `case ${HOSTILE}`, seed: 42, path: '0:1', runs: 3, shrinks: 1 },
    },
  ],
});

/** A conformance report with hostile text in every string a renderer could print. */
export function hostileReport(): ConformanceReport {
  return {
    tool: { name: 'zenith-conform', version: '0.1.0', node: 'v20' },
    spec: { abi: 'zenith', version: '1.0.0' },
    settings: { seed: 42, runs: 100, limits: {} },
    plugins: [
      {
        source: `plugins/${HOSTILE}.wasm`,
        sha256: 'ab'.repeat(32),
        sizeBytes: 100,
        info: { text: `info ${HOSTILE} v1.0.0` },
        verdict: 'fail',
        results: [
          failing('ZC-CALL-002', 'CALL'),
          { ...failing('ZC-INFO-002', 'INFO'), status: 'error' },
          {
            ...failing('ZC-CALL-010', 'CALL'),
            level: 'should',
            expectation: { outcome: 'expected-failure', reason: `reason ${HOSTILE}` },
          },
          {
            rule: 'ZC-INFO-001',
            level: 'must',
            area: 'INFO',
            description: `description ${HOSTILE}`,
            status: 'pass',
            message: `passed ${HOSTILE}`,
            durationMs: 1,
            expectation: { outcome: 'unexpected-pass', reason: `stale ${HOSTILE}` },
          },
          {
            rule: 'ZC-LOG-001',
            level: 'must',
            area: 'LOG',
            description: `description ${HOSTILE}`,
            status: 'skip',
            skipKind: 'not-applicable',
            message: `skipped ${HOSTILE}`,
            durationMs: 1,
          },
        ],
        counts,
        durationMs: 5,
      },
      {
        source: `missing ${HOSTILE}.wasm`,
        verdict: 'error',
        error: { code: 'ZC_NOT_FOUND', message: `missing ${HOSTILE}.wasm: no such file` },
        results: [],
        counts: { ...counts, fail: 0, mustFailed: 0, shouldFailed: 0, skip: 0 },
      },
    ],
    summary: { plugins: 2, passed: 0, failed: 1, errors: 1, ok: false },
  };
}

const stats = {
  opsPerSec: 1e6,
  mbPerSec: 64,
  meanMs: 0.001,
  p50Ms: 0.001,
  p99Ms: 0.002,
  minMs: 0.001,
  maxMs: 0.003,
  sdMs: 0.0001,
  moeMs: 0.00001,
  rme: 1,
  samples: 1000,
};

/** A bench report with hostile text in every string a renderer could print. */
export function hostileBenchReport(): BenchReport {
  const input = {
    inputBytes: 64,
    inputKind: 'bytes' as const,
    inputSha256: 'cd'.repeat(32),
    input: `input ${HOSTILE}`,
  };
  return {
    tool: { name: 'zenith-conform', version: '0.1.0' },
    spec: { abi: 'zenith', version: '1.0.0' },
    environment: {
      node: 'v20',
      v8: '11',
      platform: 'linux',
      arch: 'x64',
      cpu: `cpu ${HOSTILE}`,
      cores: 2,
      date: '2026-01-01T00:00:00.000Z',
      tinybench: '6',
    },
    settings: {
      sizes: [64, 65536],
      timeMs: 5,
      warmupMs: 1,
      seed: 42,
      input: { path: `input ${HOSTILE}.txt`, bytes: 64 },
      instructions: true,
      pluginTimeoutMs: 1000,
    },
    plugins: [
      {
        source: `plugins/${HOSTILE}.wasm`,
        sha256: 'ab'.repeat(32),
        bytes: 100,
        info: `info ${HOSTILE} v1.0.0`,
        status: 'error',
        error: `error ${HOSTILE}`,
        jsBaseline: null,
        instructions: { status: 'unavailable', message: `binaryen ${HOSTILE}` },
        cases: [
          {
            status: 'measured',
            export: `process${HOSTILE}`,
            size: 65536,
            ...input,
            outputBytes: 64,
            memoryPages: { before: 1, after: 1 },
            harness: stats,
            raw: { ...stats, callsPerSample: 10 },
            harnessOverhead: 1.01,
          },
          { status: 'rejected', export: 'process', size: 64, ...input, code: -1, message: HOSTILE },
          { status: 'error', export: 'process', size: 64, message: `trapped ${HOSTILE}` },
        ],
      },
    ],
    comparison: {
      baseline: {
        path: `base ${HOSTILE}.json`,
        version: '0.1.0',
        node: 'v20',
        cpu: `cpu ${HOSTILE}`,
        date: `date ${HOSTILE}`,
      },
      cases: [
        {
          plugin: `plugin ${HOSTILE}`,
          export: 'process',
          size: 64,
          time: { verdict: 'slower', changePercent: 12, baselineMeanMs: 1, currentMeanMs: 1.12 },
          instructions: { verdict: 'more', baseline: 1, current: 2 },
          status: `status ${HOSTILE}`,
          regression: true,
        },
      ],
    },
    gate: { ok: false, failures: [`gate ${HOSTILE}`] },
    summary: { plugins: 1, cases: 3, measured: 1, rejected: 1, errors: 2 },
  };
}
