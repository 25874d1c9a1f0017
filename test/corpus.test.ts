// Inputs that get past a plugin's front door: the module's dictionary, a --corpus of samples,
// and --explore. Each is measured with a census of return codes over the cases the property
// engine generates (runCallCase on the arbitrary's samples, with ample room), on plugins that
// accept one narrow format; and --corpus and --explore are driven through the library and CLI.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT } from '../src/abi/buffer-layout.js';
import { runCallCase } from '../src/abi/call-case.js';
import { callShapeOf } from '../src/abi/call-shape.js';
import { parseCliArgs } from '../src/cli/parse-args.js';
import { runCli } from '../src/cli/run-cli.js';
import { MAX_CORPUS_BYTES, MAX_CORPUS_SAMPLES, loadCorpus } from '../src/corpus/load-corpus.js';
import { exploreModule } from '../src/explore/explore-module.js';
import { startPlugin } from '../src/host/lifecycle.js';
import type { PluginInstance } from '../src/host/plugin-instance.js';
import { preparePluginModule } from '../src/host/plugin-module.js';
import { DEFAULT_CLOCK_START_NS } from '../src/host/wasi-preview1.js';
import { runConformance } from '../src/index.js';
import { callCaseArbitrary, type CaseEnvironment } from '../src/property/arbitraries/call-case.js';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { SpecIndex } from '../src/spec-model/spec-index.js';
import { UsageError } from '../src/util/errors.js';
import { harvestDictionary } from '../src/wasm/dictionary.js';
import { JSON_PLUGIN, headerPlugin, magicPrefixPlugin } from './helpers/gated-plugins.js';
import { wat } from './helpers/wat.js';

const spec = new SpecIndex(loadSpec());
const PROCESS = callShapeOf(spec, 'process');
const MAX_INPUT = 1 << 20;
const CASES = 400;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const validateReport = new Ajv({ strict: true, allErrors: true }).compile(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'spec', 'report.schema.json'), 'utf8'),
  ) as object,
);
const expectValid = (report: unknown): void => {
  validateReport(report);
  expect(validateReport.errors ?? []).toEqual([]);
};

const scratch = mkdtempSync(join(tmpdir(), 'zc-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
/** A fresh directory holding these files (paths relative to it). */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = join(scratch, `d${dirs++}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('loading a corpus', () => {
  it('reads files, and directories as every regular file in them, recursively and sorted', () => {
    const dir = folder({ 'b.txt': 'bee', 'a/2.bin': 'two', 'a/1.bin': 'one', 'c/d/e': '' });
    symlinkSync(join(dir, 'b.txt'), join(dir, 'link-to-b'));
    symlinkSync(join(dir, 'a'), join(dir, 'link-to-a'));
    const single = folder({ 'x.json': '{}' });
    const corpus = loadCorpus([dir, join(single, 'x.json')], MAX_INPUT);
    expect(corpus.names.map((name) => name.replace(`${scratch}/`, ''))).toEqual([
      'd0/a/1.bin',
      'd0/a/2.bin',
      'd0/b.txt',
      'd0/c/d/e',
      'd0/link-to-b',
      'd1/x.json',
    ]);
    expect(corpus.samples.map((sample) => Buffer.from(sample).toString())).toEqual([
      'one',
      'two',
      'bee',
      '',
      'bee',
      '{}',
    ]);
    expect(corpus.bytes).toBe(14);
    expect(corpus.capped).toEqual([]);
  });

  it('cuts each sample at maxInputBytes and says so', () => {
    const dir = folder({ 'big.bin': new Uint8Array(5000).fill(1), 'small.bin': 'ok' });
    const corpus = loadCorpus([dir, new Uint8Array(3000)], 1024);
    expect(corpus.samples.map((sample) => sample.length)).toEqual([1024, 2, 1024]);
    expect(corpus.capped).toEqual([
      `--corpus ${join(dir, 'big.bin')}: 4.9 KiB, only its first 1 KiB (--max-input-size) is used`,
      '--corpus <bytes #1>: 2.9 KiB, only its first 1 KiB (--max-input-size) is used',
    ]);
  });

  it('refuses a path that cannot be read, naming it, in one line', () => {
    const missing = join(scratch, 'no-such-dir');
    expect(usageError(() => loadCorpus([missing], MAX_INPUT)).message).toBe(
      `--corpus ${missing}: no such file or directory`,
    );
    const empty = folder({});
    mkdirSync(empty, { recursive: true });
    expect(usageError(() => loadCorpus([empty], MAX_INPUT)).message).toBe(
      `--corpus ${empty}: the directory holds no files`,
    );
  });

  it(`holds at most ${MAX_CORPUS_SAMPLES} samples and 16 MiB, with a clear error beyond`, () => {
    const many = Array.from({ length: MAX_CORPUS_SAMPLES + 1 }, () => Uint8Array.of(1));
    expect(usageError(() => loadCorpus(many, MAX_INPUT)).message).toBe(
      `--corpus: more than ${MAX_CORPUS_SAMPLES} samples (at <bytes #${MAX_CORPUS_SAMPLES}>); pick fewer files`,
    );
    const heavy = Array.from(
      { length: MAX_CORPUS_BYTES / MAX_INPUT + 1 },
      () => new Uint8Array(MAX_INPUT),
    );
    expect(usageError(() => loadCorpus(heavy, MAX_INPUT)).message).toMatch(
      /^--corpus: more than 16 MiB of samples \(at <bytes #16>\); pick fewer or smaller files$/,
    );
    expect(loadCorpus(heavy.slice(1), MAX_INPUT).samples).toHaveLength(16);
  });
});

describe('the corpus options', () => {
  it('refuses a bad library option by name', async () => {
    const echo = wat(magicPrefixPlugin('X'));
    await expect(runConformance(echo, { corpus: 'fixtures/' as never })).rejects.toThrow(
      /^corpus must be a list of paths or Uint8Arrays, got "fixtures\/" \(a string\)$/,
    );
    await expect(runConformance(echo, { corpus: [] })).rejects.toThrow(
      /^corpus must name at least one file or directory$/,
    );
    await expect(runConformance(echo, { explore: {} })).rejects.toThrow(
      /^explore needs timeMs or iterations/,
    );
    await expect(runConformance(echo, { explore: { timeMs: -1 } })).rejects.toThrow(
      /^explore\.timeMs must be a time above 0/,
    );
    await expect(runConformance(echo, { corpus: [join(scratch, 'nothing-here')] })).rejects.toThrow(
      `--corpus ${join(scratch, 'nothing-here')}: no such file or directory`,
    );
  });

  it('on the CLI: --corpus is comma-separated or repeated, --explore in seconds', () => {
    const args = parseCliArgs([
      'p.wasm',
      '--corpus',
      'a,b',
      '--corpus=c',
      '--explore',
      '1.5',
      '--explore-iterations',
      '300',
    ]);
    expect(args.corpus).toEqual(['a', 'b', 'c']);
    expect(args.explore).toEqual({ timeMs: 1500, iterations: 300 });
    expect(parseCliArgs(['p.wasm']).explore).toBeUndefined();
  });

  it('on the CLI: an unreadable --corpus path is one line naming it, and exit 2', async () => {
    const stderr: string[] = [];
    const io = {
      stdout: () => undefined,
      stderr: (text: string) => stderr.push(text),
      isTTY: false,
      env: {},
    };
    const missing = join(scratch, 'missing.bin');
    const code = await runCli(
      ['reference-plugins/dist/echo.wasm', '--corpus', `${scratch},${missing}`],
      io,
    );
    expect(code).toBe(2);
    expect(stderr.join('')).toBe(
      `zenith-conform: --corpus ${missing}: no such file or directory\n`,
    );
    stderr.length = 0;
    expect(await runCli(['reference-plugins/dist/echo.wasm', '--explore', '0'], io)).toBe(2);
    expect(stderr.join('')).toMatch(/^zenith-conform: --explore must be a time above 0/);
  });
});

// ----- censuses -----------------------------------------------------------------------------

interface Census {
  accepted: number;
  total: number;
}

/** Return codes of the cases the property engine generates for `process` (ample room). */
async function census(bytes: Uint8Array, env: Partial<CaseEnvironment>): Promise<Census> {
  const prepared = await preparePluginModule(bytes, 64 << 20);
  if (!prepared.ok) throw new Error(prepared.message);
  const start = (): PluginInstance => {
    const setup = startPlugin(prepared.plugin, {
      determinism: { randomSeed: 1, clockStartNs: DEFAULT_CLOCK_START_NS },
      captureLimit: 1000,
      maxLogBytesPerCall: 1 << 20,
    });
    if (!setup.ok) throw new Error(setup.message);
    return setup.instance;
  };
  const arbitrary = callCaseArbitrary(
    PROCESS,
    {
      maxInputBytes: MAX_INPUT,
      whitespace: spec.textWhitespace(),
      processInputs: [],
      dictionary: [],
      ...env,
    },
    ['apart'],
  );
  let instance = start();
  let accepted = 0;
  for (const testCase of fc.sample(arbitrary, { seed: 42, numRuns: CASES })) {
    if (instance.poisoned) instance = start();
    const run = runCallCase(
      instance,
      PROCESS,
      { ...testCase, placement: DEFAULT_PLACEMENT, capacity: { kind: 'ample' } },
      MAX_INPUT,
    );
    if (run.main.outcome.kind === 'returned' && run.main.outcome.value === 0) accepted++;
  }
  return { accepted, total: CASES };
}

const HEADER = Uint8Array.from([
  0x89, 0x5a, 0x4e, 0x48, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01, 0x02, 0x03, 0x76, 0x31, 0x2e, 0x30,
]);
const withHeader = (payload: string): Uint8Array => {
  const body = utf8(payload);
  const out = new Uint8Array(HEADER.length + body.length);
  out.set(HEADER);
  out.set(body, HEADER.length);
  return out;
};

describe('inputs past the front door (census of return codes, accepted / total)', () => {
  it('the dictionary: a plugin that wants a magic prefix from its data section', async () => {
    const bytes = wat(magicPrefixPlugin('ZENITH-MAGIC:v2'));
    const dictionary = harvestDictionary(bytes);
    expect(dictionary.map((token) => Buffer.from(token).toString())).toContain('ZENITH-MAGIC:v2');
    const without = await census(bytes, {});
    const withDictionary = await census(bytes, { dictionary });
    expect(without.accepted).toBe(0);
    expect(withDictionary.accepted).toBeGreaterThan(0);
    console.info('magic prefix', { without, withDictionary });
  });

  it('the format shapes: a JSON-only plugin gets accepted JSON', async () => {
    const bytes = wat(JSON_PLUGIN);
    const without = await census(bytes, {});
    const withDictionary = await census(bytes, { dictionary: harvestDictionary(bytes) });
    expect(without.accepted / without.total).toBeGreaterThan(0.05);
    expect(withDictionary.accepted / withDictionary.total).toBeGreaterThan(0.05);
    console.info('json only', { without, withDictionary });
  });

  it('--corpus: a plugin that wants one 16-byte header gets it from the samples', async () => {
    const bytes = wat(headerPlugin(HEADER));
    const dictionary = harvestDictionary(bytes);
    const dir = folder({
      'ok/one.bin': withHeader('first payload'),
      'ok/two.bin': withHeader('{"second": true}'),
      'README.txt': 'not a sample the plugin accepts',
    });
    const { samples } = loadCorpus([dir], MAX_INPUT);
    const without = await census(bytes, { dictionary });
    const withCorpus = await census(bytes, { dictionary, corpus: samples });
    expect(without.accepted).toBe(0);
    expect(withCorpus.accepted / withCorpus.total).toBeGreaterThan(0.1);
    console.info('16-byte header, corpus', { without, withCorpus });
  });

  it('--explore: the same plugin, its header compared byte by byte, found by coverage', async () => {
    const bytes = wat(headerPlugin(HEADER));
    const dictionary = harvestDictionary(bytes);
    const explored = await exploreModule(bytes, {
      seed: 42,
      budget: { iterations: 20_000 },
      maxInputBytes: MAX_INPUT,
      maxMemoryBytes: 64 << 20,
      maxLogBytesPerCall: 1 << 16,
      whitespace: spec.textWhitespace(),
      samples: [],
    });
    const withExploration = await census(bytes, { dictionary, corpus: explored.kept });
    expect(withExploration.accepted).toBeGreaterThan(0);
    console.info('16-byte header, explored', {
      iterations: explored.iterations,
      blocks: `${explored.blocksReached}/${explored.blocks}`,
      kept: explored.kept.length,
      withExploration,
    });
  });
});

describe('--corpus and --explore in a conformance run', () => {
  // Traps on any byte after the header: only an input that gets past the header finds it.
  const trapping = wat(
    headerPlugin(HEADER).replace(
      '(if (i32.gt_u (local.get $len)',
      `(if (i32.gt_u (local.get $len) (i32.const ${HEADER.length})) (then unreachable))
    (if (i32.gt_u (local.get $len)`,
    ),
  );
  const statusOf = (report: Awaited<ReturnType<typeof runConformance>>, rule: string) =>
    report.plugins[0]!.results.find((entry) => entry.rule === rule)!;

  it('the report says what the corpus held, and replay commands carry it', async () => {
    const dir = folder({ 'one.bin': withHeader('payload'), 'big.bin': new Uint8Array(70_000) });
    // Without exploration, which finds this trap itself (and the rule then runs its input
    // first): here the corpus alone is what reaches past the header.
    const report = await runConformance(trapping, {
      only: ['ZC-CALL-002'],
      corpus: [dir],
      explore: false,
      limits: { maxInputBytes: 65_536 },
    });
    expect(report.settings.corpus).toEqual({
      samples: 2,
      bytes: 65_536 + HEADER.length + 7,
      capped: [
        `--corpus ${join(dir, 'big.bin')}: 68.4 KiB, only its first 64 KiB (--max-input-size) is used`,
      ],
    });
    expectValid(report);
    const result = statusOf(report, 'ZC-CALL-002');
    expect(result.status).toBe('fail');
    expect(result.failures![0]!.counterexample!.case).toMatch(/^input: 17 bytes/);
    expect(result.failures![0]!.replay).toContain(
      `--max-input-size 65536 --corpus ${dir} --export process --path`,
    );
    const plain = await runConformance(trapping, { only: ['ZC-CALL-002'], explore: false });
    expect(statusOf(plain, 'ZC-CALL-002').status).toBe('pass');
  });

  it('explores before the rules, reports iterations and blocks, and replays by iterations', async () => {
    const options = { only: ['ZC-CALL-002'], explore: { iterations: 20_000 } };
    const report = await runConformance(trapping, options);
    const plugin = report.plugins[0]!;
    expectValid(report);
    expect(report.settings.explore).toEqual({ iterations: 20_000 });
    expect(plugin.exploration).toMatchObject({ iterations: 20_000 });
    expect(plugin.exploration!.blocksReached).toBeGreaterThan(HEADER.length);
    expect(plugin.exploration!.kept).toBeGreaterThan(0);
    const result = plugin.results.find((entry) => entry.rule === 'ZC-CALL-002')!;
    expect(result.status).toBe('fail');
    const failure = result.failures![0]!;
    expect(failure.replay).toMatch(/ --explore-iterations 20000 --export process --path \d+/);
    // The same options replay the same shrunk case.
    const again = await runConformance(trapping, {
      ...options,
      path: failure.counterexample!.path,
    });
    const replayed = again.plugins[0]!.results.find((entry) => entry.rule === 'ZC-CALL-002')!;
    expect(replayed.failures![0]!.counterexample!.case).toBe(failure.counterexample!.case);
  });

  it('a plugin without `process` is not explored, and the report says so', async () => {
    const noProcess = wat('(module (memory (export "memory") 1))');
    const report = await runConformance(noProcess, {
      only: ['ZC-CALL-002'],
      explore: { timeMs: 100 },
    });
    expect(report.plugins[0]!.exploration).toEqual({
      iterations: 0,
      blocks: 0,
      blocksReached: 0,
      kept: 0,
      durationMs: 0,
      stopped: '`process` is not exported with the spec signature: nothing to explore',
    });
  });

  it('a run without property rules does not explore: nothing it keeps would be used', async () => {
    const options = { only: ['ZC-MOD-001', 'ZC-INFO-002'], explore: { iterations: 20_000 } };
    const report = await runConformance(trapping, options);
    expect(report.plugins[0]!.exploration).toBeUndefined();
    const fuzzed = await runConformance(trapping, { ...options, only: ['ZC-CALL-016'] });
    expect(fuzzed.plugins[0]!.exploration).toMatchObject({ iterations: 20_000 });
  });
});
