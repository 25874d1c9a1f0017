// The composite action (action.yml) as the runner runs it: each step's `if` and `env` are
// evaluated from the inputs, its shell is run with the runner's bash flags against a local
// build (ZENITH_CONFORM_BIN) with fake GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, and the
// annotations, summary, outputs and reports folder are checked. `uses:` steps are not run.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAction } from '@action-validator/core';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import { BIN, ROOT } from './helpers/cli.js';
import { wat } from './helpers/wat.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(text) as Action;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  peerDependencies: Record<string, string>;
};

type Inputs = Record<string, string>;

/** `${{ inputs.name }}` as the runner expands it: the given input, or the input's default. */
function expand(value: string, inputs: Inputs): string {
  return String(value).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_all, name: string) => {
    if (!(name in action.inputs)) throw new Error(`unknown input ${name}`);
    return inputs[name] ?? action.inputs[name]!.default ?? '';
  });
}

/** The `if` forms action.yml uses; anything else fails here, to be taught to this test. */
function condition(expression: string | undefined, inputs: Inputs): boolean {
  if (expression === undefined) return true;
  return expression.split('&&').every((part) => {
    const term = part.trim();
    if (term === 'always()') return true;
    const match = /^inputs\.([\w-]+) (==|!=) '([^']*)'$/.exec(term);
    if (!match) throw new Error(`this test cannot evaluate: ${term}`);
    const value = expand(`\${{ inputs.${match[1]} }}`, inputs);
    return match[2] === '==' ? value === match[3] : value !== match[3];
  });
}

interface StepRun {
  step: Step;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the action's shell steps in order, as a job would, from a workspace folder. */
async function runAction(workspace: string, inputs: Inputs, env: Record<string, string> = {}) {
  const summary = join(workspace, 'step-summary.md');
  const output = join(workspace, 'github-output');
  const ran: StepRun[] = [];
  let failed = false;
  for (const step of action.runs.steps) {
    // Steps after a failure run only when their condition has always().
    if (failed && !(step.if ?? '').includes('always()')) continue;
    if (!condition(step.if, inputs) || !step.run) continue;
    const script = join(workspace, `step-${ran.length}.sh`);
    writeFileSync(script, step.run);
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, inputs)]),
    );
    const run = await execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      reject: false,
      env: {
        NO_COLOR: '1',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        ZENITH_CONFORM_BIN: BIN,
        ...stepEnv,
        ...env,
      },
    });
    ran.push({ step, exitCode: run.exitCode ?? -1, stdout: run.stdout, stderr: run.stderr });
    if (run.exitCode !== 0) failed = true;
  }
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  return { ran, summary: read(summary), output: read(output) };
}

let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'zc-action-'));
  mkdirSync(join(workspace, 'plugins'));
  copyFileSync(
    join(ROOT, 'reference-plugins/dist/echo.wasm'),
    join(workspace, 'plugins/echo.wasm'),
  );
  const source = readFileSync(
    join(ROOT, 'reference-plugins/broken/nul-terminator-past-output.wat'),
    'utf8',
  );
  writeFileSync(join(workspace, 'plugins/broken.wasm'), wat(source));
});

describe('action.yml', () => {
  it('is a valid composite action (action-validator)', () => {
    expect(action.runs.using).toBe('composite');
    expect(validateAction(text).errors).toEqual([]);
  });

  it('runs this version of zenith-conform, with the binaryen version it is tested with', () => {
    expect(action.inputs['version']!.default).toBe(manifest.version);
    for (const step of action.runs.steps.filter((s) => s.env?.['BINARYEN_VERSION'])) {
      expect(step.env!['BINARYEN_VERSION']).toBe(manifest.peerDependencies['binaryen']);
    }
  });

  it('passes inputs to its scripts through the environment, never into the shell text', () => {
    for (const step of action.runs.steps.filter((s) => s.run)) {
      expect(step.run).toMatch(/^bash "\$GITHUB_ACTION_PATH\/action\/[a-z-]+\.sh"$/);
      expect(step.shell).toBe('bash');
    }
  });

  it('uses every input it declares, and no token', () => {
    for (const name of Object.keys(action.inputs)) {
      expect(text, name).toContain(`inputs.${name}`);
    }
    expect(text).not.toMatch(/secrets\.|github\.token/);
  });
});

describe('the action run against plugins', () => {
  let result: Awaited<ReturnType<typeof runAction>>;
  const reports = 'out/reports';

  beforeAll(async () => {
    result = await runAction(workspace, {
      plugins: '  plugins/echo.wasm\n\nplugins/broken.wasm  \n',
      args: '--no-explore --only ZC-CALL-006',
      bench: 'true',
      'bench-args': '--sizes 64 --time 20 --warmup 5',
      reports,
      'node-version': '',
    });
  }, 180_000);

  it('fails the conformance step with the exit code, annotating the failed rule', () => {
    const [conformance] = result.ran;
    expect(conformance!.step.id).toBe('conformance');
    expect(conformance!.exitCode).toBe(1);
    // After the text report (printed with command processing stopped), our one annotation.
    const lines = conformance!.stdout.split('\n');
    const token = /^::stop-commands::(.+)$/.exec(lines[0]!)?.[1];
    const after = lines.slice(lines.indexOf(`::${token}::`) + 1);
    const commands = after.filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=plugins\/broken\.wasm,title=ZC-CALL-006::\S/);
    expect(result.output).toBe(`exit-code=1\nreports=${reports}\n`);
  });

  it('writes JSON, JUnit and SARIF into the reports folder', () => {
    const folder = join(workspace, reports);
    const report = JSON.parse(
      readFileSync(join(folder, 'report.json'), 'utf8'),
    ) as ConformanceReport;
    expect(report.plugins.map((plugin) => [plugin.source, plugin.verdict])).toEqual([
      ['plugins/echo.wasm', 'pass'],
      ['plugins/broken.wasm', 'fail'],
    ]);
    expect(readFileSync(join(folder, 'junit.xml'), 'utf8').match(/<testsuite /g)).toHaveLength(2);
    const sarif = JSON.parse(readFileSync(join(folder, 'results.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['ZC-CALL-006']);
  });

  it('still benchmarks after the failure, with instruction counts, into the same folder', () => {
    const bench = result.ran[1]!;
    expect(bench.step.name).toBe('Benchmarks');
    expect(bench.exitCode, bench.stderr).toBe(0);
    // Its text (plugin names at line starts) prints with workflow commands stopped.
    const lines = bench.stdout.split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    expect(lines.filter(Boolean).at(-1)).toBe(`::${token}::`);
    const report = JSON.parse(
      readFileSync(join(workspace, reports, 'bench/report.json'), 'utf8'),
    ) as { plugins: Array<{ instructions: { status: string } }> };
    expect(report.plugins.map((plugin) => plugin.instructions.status)).toEqual([
      'counted',
      'counted',
    ]);
  });

  it('appends to the job summary: the conformance tables, then the bench report', () => {
    const conformance = result.summary.indexOf('## zenith-conform ');
    const bench = result.summary.indexOf('# zenith-conform bench');
    expect(conformance).toBe(0);
    expect(bench).toBeGreaterThan(conformance);
    expect(result.summary).toContain('### plugins/echo.wasm');
    expect(result.summary).toMatch(/### plugins\/broken\.wasm[^]*\| ZC-CALL-006 \| must \|/);
  });

  it('uploads the reports folder even though the gate failed', () => {
    const upload = action.runs.steps.find((step) =>
      step.uses?.startsWith('actions/upload-artifact@'),
    );
    expect(condition(upload?.if, {})).toBe(true);
    expect(upload?.if).toContain('always()');
    expect(expand(upload!.with!['path']!, { reports })).toBe(reports);
  });
});

describe('the action scripts', () => {
  it('refuse a bad input with one annotation that quotes it safely: exit 2', async () => {
    const { ran } = await runAction(workspace, {
      plugins: 'plugins/echo.wasm',
      depth: 'deep\n::error::injected',
      'node-version': '',
    });
    expect(ran[0]!.exitCode).toBe(2);
    expect(ran[0]!.stdout).toBe(
      '::error title=zenith-conform action::depth must be quick or thorough, got: deep%0A::error::injected',
    );
  });

  it('take the plugins and their contracts from the config when the plugins input is empty', async () => {
    const project = mkdtempSync(join(tmpdir(), 'zc-action-config-'));
    copyFileSync(join(ROOT, 'reference-plugins/dist/echo.wasm'), join(project, 'echo.wasm'));
    writeFileSync(
      join(project, 'zenith-conform.config.json'),
      JSON.stringify({
        plugins: [{ path: 'echo.wasm', properties: { idempotent: true } }],
        only: ['ZC-PROP-007'],
        explore: false,
      }),
    );
    const { ran } = await runAction(project, { plugins: '', 'node-version': '' });
    const conformance = ran.find((step) => step.step.run?.includes('conformance.sh'));
    expect(conformance?.exitCode, conformance?.stderr).toBe(0);
    const report = JSON.parse(
      readFileSync(join(project, 'zenith-conform-reports', 'report.json'), 'utf8'),
    ) as { plugins: Array<{ results: Array<{ rule: string; status: string }> }> };
    expect(report.plugins[0]!.results.find((r) => r.rule === 'ZC-PROP-007')?.status).toBe('pass');
  }, 120_000);

  it('refuse an empty plugins input: exit 2', async () => {
    const { ran } = await runAction(workspace, { plugins: '\n  \n', 'node-version': '' });
    expect(ran[0]!.exitCode).toBe(2);
    expect(ran[0]!.stdout).toMatch(/the plugins input is empty/);
  });

  it('run the pinned package and binaryen through npx by default', async () => {
    const bin = join(workspace, 'fake-bin');
    mkdirSync(bin, { recursive: true });
    const log = join(workspace, 'npx-args');
    writeFileSync(
      join(bin, 'npx'),
      `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > ${JSON.stringify(log)}\n`,
    );
    chmodSync(join(bin, 'npx'), 0o755);
    const { ran } = await runAction(
      workspace,
      { plugins: 'plugins/echo.wasm', strict: 'true', 'node-version': '' },
      { ZENITH_CONFORM_BIN: '', PATH: `${bin}:${process.env['PATH']}` },
    );
    expect(ran[0]!.exitCode).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').slice(0, 7)).toEqual([
      '--yes',
      '-p',
      `zenith-conform@${manifest.version}`,
      '-p',
      `binaryen@${manifest.peerDependencies['binaryen']}`,
      'zenith-conform',
      '--strict',
    ]);
  });
});
