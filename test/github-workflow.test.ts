import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { SpecIndex } from '../src/spec-model/spec-index.js';
import { loadKnownFailures } from '../src/runner/expectations.js';

const dir = join(import.meta.dirname, '..', 'examples', 'github-actions');
const workflow = parse(readFileSync(join(dir, 'zenith-conform.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<
    string,
    {
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
const runs = (pattern: RegExp) => steps.filter((step) => pattern.test(step.run ?? ''));
const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe('the GitHub Actions example', () => {
  it('runs on pushes and pull requests', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('pins this version of the suite', () => {
    expect(workflow.env['ZENITH_CONFORM']).toBe(`zenith-conform@${version}`);
  });

  it('builds the Rust plugin for wasm32-wasip1 before checking it', () => {
    const order = steps.map((step) => step.run ?? step.uses ?? '');
    const target = order.findIndex((text) => /rustup target add wasm32-wasip1/.test(text));
    const build = order.findIndex((text) =>
      /cargo build --release --target wasm32-wasip1/.test(text),
    );
    const gate = order.findIndex((text) => /npx --yes "\$ZENITH_CONFORM" "\$PLUGIN"/.test(text));
    expect(target).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(target);
    expect(gate).toBeGreaterThan(build);
    expect(steps.some((step) => step.uses?.startsWith('actions/setup-node@'))).toBe(true);
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
  });

  it('gates on the conformance run and writes JUnit', () => {
    const [gate] = runs(/"\$PLUGIN"/);
    expect(gate?.if).toBeUndefined();
    expect(gate?.run).toMatch(/--junit reports\/junit\.xml/);
    expect(gate?.run).toMatch(/--expect zenith-conform\.expect\.json/);
  });

  it('uploads JUnit and the bench report even when the gate fails', () => {
    expect(runs(/ bench "\$PLUGIN" --out reports\/bench/)).toHaveLength(1);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.['path']).toBe('reports/');
  });

  it('ships an --expect example the CLI accepts', () => {
    const known = loadKnownFailures(
      join(dir, 'zenith-conform.expect.json'),
      new SpecIndex(loadSpec()),
    );
    expect(known.length).toBeGreaterThan(0);
  });
});
