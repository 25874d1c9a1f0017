// A spec-valid module that uses a proposal this engine does not run is not a broken plugin:
// it gets "cannot check" (a verdict of error, exit 2) naming the feature, never ZC-MOD-001.
import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { cli } from './helpers/cli.js';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const section = (id: number, payload: number[]): number[] => [id, payload.length, ...payload];
const moduleOf = (...sections: number[][]): Uint8Array =>
  new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...sections.flat()]);
const withBody = (body: number[]): Uint8Array =>
  moduleOf(
    section(1, [1, 0x60, 0, 0]),
    section(3, [1, 0]),
    section(10, [1, body.length + 1, 0, ...body]),
  );
const V128 = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

const NEWER_THAN_THE_ENGINE: ReadonlyArray<[string, Uint8Array]> = [
  ['multi-memory', moduleOf(section(5, [2, 0, 1, 0, 1]))],
  ['memory64', moduleOf(section(5, [1, 4, 1]))],
  ['extended-const', moduleOf(section(6, [1, 0x7f, 0, 0x41, 1, 0x41, 2, 0x6a, 0x0b]))],
  ['gc', moduleOf(section(1, [1, 0x5f, 1, 0x7f, 0]))],
  ['function-references', moduleOf(section(1, [1, 0x60, 1, 0x64, 0x70, 0]))],
  ['exnref', withBody([0x1f, 0x40, 0, 0x0b, 0x0b])],
  ['relaxed-simd', withBody([...V128, ...V128, 0xfd, 0x80, 0x02, 0x1a, 0x0b])],
].filter(([, bytes]) => !WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)) as Array<
  [string, Uint8Array]
>;

describe('a module newer than the engine', () => {
  it.each(NEWER_THAN_THE_ENGINE)(
    'using %s cannot be checked, and says why',
    async (feature, bytes) => {
      const report = await runConformance(bytes);
      const plugin = report.plugins[0]!;
      expect(plugin.verdict).toBe('error');
      expect(plugin.error?.code).toBe('ZC_CANNOT_CHECK');
      expect(plugin.error?.message).toContain(feature);
      expect(plugin.results.some((result) => result.rule === 'ZC-MOD-001')).toBe(false);
    },
  );

  it('makes the CLI exit 2, with the feature named', async () => {
    const [feature, bytes] = NEWER_THAN_THE_ENGINE[0]!;
    const dir = await mkdtemp(join(tmpdir(), 'zc-features-'));
    const path = join(dir, 'newer.wasm');
    await writeFile(path, bytes);
    const result = await cli([path]);
    expect(result.exitCode).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toContain(feature);
  });

  it('is told apart from a module that is simply broken (ZC-MOD-001)', async () => {
    // A memory section that claims two entries and holds one: invalid in every proposal.
    const broken = moduleOf(section(5, [2, 0, 1]));
    const plugin = (await runConformance(broken)).plugins[0]!;
    expect(plugin.verdict).toBe('fail');
    expect(plugin.results.find((result) => result.rule === 'ZC-MOD-001')?.status).toBe('fail');
  });
});
