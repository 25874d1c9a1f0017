// Verdicts that do not depend on timing: with every core kept busy, the fixtures whose verdict
// comes from stopping a call (hangs, memory bombs, log floods) and the hostile corpus give
// exactly their manifest verdicts, and each hostile plugin gives the same one ten runs in a row.
// (`npm run test:stress` runs the whole suite this way.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { failedRules, fixtureBytes, manifest } from './helpers/corpus.js';
import { wat } from './helpers/wat.js';
import { startBusyLoops } from './setup/busy-cores.js';

const STOPPING = /loops-forever|memory-bomb|touches|flood|leaks|hostile\//;
const timingFixtures = manifest.fixtures.filter((entry) => STOPPING.test(entry.fixture));
const hostile = manifest.fixtures.filter((entry) => entry.hostile);
const RUNS = 10;

let stopLoads: (() => void) | undefined;
beforeAll(() => {
  stopLoads = startBusyLoops();
});
afterAll(() => stopLoads?.());

describe('with every core busy', () => {
  it.each(timingFixtures.map((entry) => [entry.fixture, entry] as const))(
    '%s still fails exactly its manifest rules',
    async (_name, entry) => {
      // Without exploration (test/broken-corpus/ runs them with it): these verdicts come
      // from stopping calls, and the busy loops cost the rest of the suite every second.
      const report = await runConformance(fixtureBytes(entry), {
        limits: entry.limits ?? {},
        explore: false,
      });
      expect(failedRules(report.plugins[0]!)).toEqual(entry.fails);
    },
    180_000,
  );

  it.each(hostile.map((entry) => [entry.fixture, entry] as const))(
    `%s gives the same verdict ${RUNS} runs in a row`,
    async (_name, entry) => {
      // The rules it must fail (with their dependencies); a conformant one is asked the rules
      // whose verdicts once came from the process's memory.
      const only = entry.fails.length > 0 ? entry.fails : ['ZC-INFO-001', 'ZC-CALL-003'];
      const bytes = fixtureBytes(entry);
      const verdicts: string[][] = [];
      // Without exploration, as above: what it keeps depends only on the seed and its
      // iteration count (test/unit/explore); these runs repeat the stops.
      const options = { limits: entry.limits ?? {}, only, explore: false } as const;
      for (let run = 0; run < RUNS; run += 2) {
        const pair = await Promise.all([0, 1].map(() => runConformance(bytes, options)));
        verdicts.push(...pair.map((report) => failedRules(report.plugins[0]!)));
      }
      expect(verdicts).toEqual(Array.from({ length: RUNS }, () => entry.fails));
    },
    300_000,
  );
});

describe('a runaway call', () => {
  // With a 4 GiB limit this grows a page at a time for minutes: a thread's termination does not
  // interrupt it, so the sandbox process is killed. The run must end with the hang, and the next
  // plugin's run must go on in a new sandbox.
  const runaway = wat(`(module
    (memory (export "memory") 2)
    (data (i32.const 16) "runaway v1.0.0\\00")
    (func (export "plugin_info") (result i32) (i32.const 16))
    (func (export "process") (param i32 i32 i32 i32) (result i32)
      (loop $grow (drop (memory.grow (i32.const 1))) (br $grow))
      (i32.const 0)))`);
  const conformant = manifest.fixtures.find((entry) => entry.fixture.includes('big-data-segment'))!;

  it('is stopped for real, and the plugins after it are still checked', async () => {
    const report = await runConformance([runaway, fixtureBytes(conformant)], {
      limits: { maxMemoryBytes: 2 ** 32, callTimeoutMs: 300, ...conformant.limits },
      only: ['ZC-CALL-001', 'ZC-CALL-003'],
    });
    expect(failedRules(report.plugins[0]!)).toEqual(['ZC-CALL-001']);
    expect(report.plugins[1]!.verdict).toBe('pass');
  }, 120_000);

  it('two runs at once in one process do not judge each other', async () => {
    const bomb = manifest.fixtures.find((entry) => entry.fixture === 'process-memory-bomb.wat')!;
    const [bombed, clean] = await Promise.all([
      runConformance(fixtureBytes(bomb), { only: ['ZC-CALL-003'] }),
      runConformance(fixtureBytes(conformant), {
        limits: conformant.limits ?? {},
        only: ['ZC-CALL-003', 'ZC-INFO-001'],
      }),
    ]);
    expect(failedRules(bombed.plugins[0]!)).toEqual(['ZC-CALL-003']);
    expect(failedRules(clean.plugins[0]!)).toEqual([]);
  }, 120_000);
});
