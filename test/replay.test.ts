// A replay command must replay the failure it was printed for, for every property rule: the
// first fixture of the broken corpus that fails the rule is checked through the library, then
// the printed command is run as a user would run it (the built CLI, the module on disk), and
// the shrunk case and what was found must come back the same.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, runConformance, type Failure } from '../src/index.js';
import { cli } from './helpers/cli.js';
import { withoutTimings } from '../src/report/without-timings.js';
import { fixtureBytes, fixtureContract, manifest } from './helpers/corpus.js';

const spec = loadSpec();
const workDir = mkdtempSync(join(tmpdir(), 'zc-replay-'));

/** Each property rule with the first fixture that fails it (no limits of its own). */
const cases = spec.rules
  .filter((rule) => rule.kind === 'property')
  .flatMap((rule) => {
    const entry = manifest.fixtures.find(
      (fixture) => fixture.fails.includes(rule.id) && !fixture.limits,
    );
    return entry ? [[rule.id, entry, rule.level] as const] : [];
  });

/**
 * Failures that take another path through their rule than its first fixture's: a retry at the
 * named size that traps (ZC-CALL-015), a call with room for one element in a history
 * (ZC-CALL-013).
 */
const OTHER_PATHS: ReadonlyArray<readonly [string, string]> = [
  ['ZC-CALL-015', 'size-estimate-scans-4096.wat'],
  ['ZC-CALL-013', 'retry-cache-keyed-on-length.wat'],
];
for (const [id, fixture] of OTHER_PATHS) {
  const entry = manifest.fixtures.find((candidate) => candidate.fixture === fixture);
  if (!entry?.fails.includes(id)) throw new Error(`${fixture} does not fail ${id} in the manifest`);
  cases.push([id, entry, spec.rules.find((rule) => rule.id === id)!.level] as const);
}

/**
 * What a replay must give back of a failure's `found`. A stopped call (ZC-CALL-001) is not
 * rerun on a fresh instance before it is reported, as other failures are: its addresses are
 * where the run's instance put the buffers after the cases before it (the replay's come from a
 * fresh one), and the CPU time it had used when stopped is a timing. The rest must match.
 */
function comparable(rule: string, found: string | undefined): string | undefined {
  const timeless = found === undefined ? undefined : (withoutTimings(found) as string);
  return rule === 'ZC-CALL-001' ? timeless?.replace(/=0x[0-9a-f]+/g, '=0x…') : timeless;
}

/** The command's words after `npx zenith-conform <plugin.wasm>`. */
function replayArgs(replay: string): string[] {
  const words = replay.split(' ');
  expect(words.slice(0, 3)).toEqual(['npx', 'zenith-conform', '<plugin.wasm>']);
  return words.slice(3);
}

describe('replay commands', () => {
  it('cover most property rules', () => {
    const property = spec.rules.filter((rule) => rule.kind === 'property').length;
    expect(cases.length).toBeGreaterThan(property * 0.8);
  });

  it.each(cases.map(([rule, entry, level]) => [rule, entry.fixture, entry, level] as const))(
    '%s: the printed command replays the shrunk failure (%s)',
    async (rule, _fixture, entry, level) => {
      const bytes = fixtureBytes(entry);
      const path = join(workDir, `${rule}-${cases.findIndex((c) => c[1] === entry)}.wasm`);
      writeFileSync(path, bytes);
      // A declared rule replays through a config file, as a repository runs it: the command
      // carries --config, and the plugin path on it takes the config entry's contract.
      const declared = fixtureContract(entry);
      const configPath = join(workDir, `${rule}.config.json`);
      if (declared) {
        const { fixtures, properties } = declared;
        writeFileSync(
          configPath,
          JSON.stringify({ plugins: [{ path, ...(fixtures ? { fixtures } : {}), properties }] }),
        );
      }
      const report = await runConformance(
        declared ? { plugin: bytes, contract: { ...declared, configPath } } : bytes,
        { only: [rule] },
      );
      const result = report.plugins[0]!.results.find((r) => r.rule === rule)!;
      expect(result.status, result.message).toBe('fail');
      const failure = result.failures![0]!;
      expect(failure.replay).toBeDefined();

      const run = await cli([path, ...replayArgs(failure.replay!), '--json']);
      // A should failure alone exits 0 (without --strict); a must failure exits 1.
      expect(run.exitCode, run.stderr).toBe(level === 'must' ? 1 : 0);
      const replayed = (JSON.parse(run.stdout) as typeof report).plugins[0]!.results.find(
        (r) => r.rule === rule,
      )!;
      expect(replayed.status).toBe('fail');
      const again: Failure = replayed.failures![0]!;
      expect(comparable(rule, again.found)).toBe(comparable(rule, failure.found));
      expect(again.counterexample?.case).toBe(failure.counterexample?.case);
    },
  );
});

// A stop the host makes itself (a log flood, a memory bomb) is met by whichever rule's case
// hits it and filed under the rule that catches it; the replay printed names the rule that
// met it, and alone that rule must fail with the same stop, or the replay would pass.
describe('the replay of a stop met in another rule', () => {
  it('fails the rule that met it with the stop (log-flood-in-debug-mode.wat)', async () => {
    const entry = manifest.fixtures.find(
      (fixture) => fixture.fixture === 'log-flood-in-debug-mode.wat',
    )!;
    const bytes = fixtureBytes(entry);
    const path = join(workDir, 'log-flood-in-debug-mode.wasm');
    writeFileSync(path, bytes);
    const report = await runConformance(bytes);
    const flood = report.plugins[0]!.results.find((r) => r.rule === 'ZC-LOG-003')!;
    expect(flood.status, flood.message).toBe('fail');
    const failure = flood.failures![0]!;
    const args = replayArgs(failure.replay!);
    const metIn = args[args.indexOf('--only') + 1]!;
    expect(metIn).not.toBe('ZC-LOG-003');

    const run = await cli([path, ...args, '--json']);
    expect(run.exitCode, run.stderr).toBe(1);
    const replayed = (JSON.parse(run.stdout) as typeof report).plugins[0]!.results.find(
      (r) => r.rule === metIn,
    )!;
    expect(replayed.status).toBe('fail');
    expect(replayed.message).toBe(flood.message);
    expect(replayed.failures![0]!.counterexample?.case).toBe(failure.counterexample?.case);
    // ...and a replay of the replay is the same command.
    expect(replayArgs(replayed.failures![0]!.replay!.replace(path, '<plugin.wasm>'))).toEqual(args);
  });
});
