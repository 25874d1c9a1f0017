/**
 * Property cases per second: the engine (guards, probes, placement, census, verdicts) against a
 * bare fast-check loop on the same cases, side by side in one process, for every main call rule
 * on each plugin.
 *
 * Run: node --expose-gc --import tsx bench/property-throughput.ts [plugin.wasm ...]
 *        [--rule ZC-CALL-006 ...] [--runs 1000] [--rounds 5]
 * (npx tsx bench/property-throughput.ts works too; --expose-gc lets each timed run start on a
 * clean heap, which steadies the rounds.)
 * Default plugins: reference-plugins/dist/echo.wasm and tokenizer.wasm.
 *
 * The main call rules are every ZC-CALL-* property rule of the spec whose appliesTo names
 * `process` (all seventeen today): read from the spec, so none is left out by hand. Each is run
 * on `process`.
 *
 * The bare loop is honest: it runs the rule's own arbitrary (handed over by the engine through
 * observePropertyRuns) with the same seed and number of runs, so it sees the very same cases
 * and input sizes, and calls the export directly on buffers kept in host-grown pages (input
 * written before each call, capacity cell set, no guards, no copies, no verdict). A rule whose
 * definition takes more than one call per case gets a bare loop making the same calls (see
 * BARE below, and the `bare:` line printed per rule): a probe for the needed size when the
 * case's capacity is relative to it, the reference call of ZC-CALL-008, the retry of -010, the
 * two fills of -014, the 16 + 200 (or 16384) calls of -011, and fresh instances (new WebAssembly.Instance plus
 * `_initialize`/`init`) where the rule compares against one (-011, -012, -013, -017).
 *
 * Rounds alternate bare and engine, so that load on a shared machine hits both alike; the ratio
 * per rule is engine rate / bare rate per round: its median, and the min-max over the rounds.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CallWatch, createWatchBuffer } from '../src/host/call-watch.js';
import { OutputCapture } from '../src/host/capture.js';
import { createWasiPreview1, DEFAULT_CLOCK_START_NS } from '../src/host/wasi-preview1.js';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { SpecIndex } from '../src/spec-model/spec-index.js';
import { compilePlugin } from '../src/runner/load-plugin.js';
import { preparePluginModule } from '../src/host/plugin-module.js';
import { PluginUnderTest } from '../src/check/plugin-under-test.js';
import { resolveLimits } from '../src/spec-model/limits.js';
import { loadChecks } from '../src/runner/registry.js';
import { observePropertyRuns } from '../src/property/call-property.js';
import { callShapeOf, type CallShape } from '../src/abi/call-shape.js';
import { ampleCapacity, needsProbe, resolveCapacity } from '../src/abi/capacity.js';
import type { CallCase } from '../src/abi/call-case.js';
import { WASM_PAGE_BYTES as PAGE } from '../src/wasm/page.js';

const argv = process.argv.slice(2);
const flag = (name: string): string[] =>
  argv.flatMap((arg, i) => (arg === name && argv[i + 1] ? [argv[i + 1]!] : []));
const positional = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const PLUGINS = positional.length
  ? positional
  : ['reference-plugins/dist/echo.wasm', 'reference-plugins/dist/tokenizer.wasm'];
const RUNS = Number(flag('--runs')[0] ?? 1000);
const ROUNDS = Number(flag('--rounds')[0] ?? 5);
const EXPORT = 'process';
const seed = 42;

const spec = new SpecIndex(loadSpec());
const MAIN_RULES = spec.rules
  .filter((rule) => rule.id.startsWith('ZC-CALL-') && rule.kind === 'property')
  .filter((rule) => rule.appliesTo?.includes(EXPORT))
  .map((rule) => rule.id)
  .filter((id) => flag('--rule').length === 0 || flag('--rule').includes(id));
const checks = await loadChecks();
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) console.log('(run with node --expose-gc --import tsx for steadier rounds)');

// ---------------------------------------------------------------------------------------------
// The bare harness: an instance, the export, buffers in pages it grew, nothing else.

class BareInstance {
  private readonly fn: (a: number, b: number, c: number, d: number) => number;
  private readonly memory: WebAssembly.Memory;
  private regionBase = 0;
  private regionSize = 0;

  constructor(module: WebAssembly.Module, shape: CallShape) {
    const memoryRef: { current?: WebAssembly.Memory } = {};
    const wasi = createWasiPreview1(() => memoryRef.current, new OutputCapture(0), {
      randomSeed: seed,
      clockStartNs: DEFAULT_CLOCK_START_NS,
    });
    const imports: Record<string, Record<string, unknown>> = {};
    for (const entry of WebAssembly.Module.imports(module)) {
      if (entry.kind !== 'function') continue;
      const offered = entry.module === 'wasi_snapshot_preview1' ? wasi[entry.name] : undefined;
      (imports[entry.module] ??= {})[entry.name] = offered ?? (() => 0);
    }
    const instance = new WebAssembly.Instance(module, imports as WebAssembly.Imports);
    this.memory = instance.exports['memory'] as WebAssembly.Memory;
    memoryRef.current = this.memory;
    for (const stage of ['_initialize', 'init'])
      (instance.exports[stage] as (() => unknown) | undefined)?.();
    this.fn = instance.exports[shape.exportName] as BareInstance['fn'];
  }

  /** One call: the input written at the region's start, the capacity into the cell. */
  call(input: Uint8Array, capacity: number, elementBytes: number): { code: number; count: number } {
    const inputAt = 64;
    const outputAt = Math.ceil((inputAt + input.length + 64) / 8) * 8;
    const size = outputAt + capacity * elementBytes + 64;
    if (size > this.regionSize) {
      const pages = Math.ceil(size / PAGE);
      this.regionBase = this.memory.grow(pages) * PAGE;
      this.regionSize = pages * PAGE;
    }
    const base = this.regionBase;
    new Uint8Array(this.memory.buffer).set(input, base + inputAt);
    const cells = new Uint32Array(this.memory.buffer, base, 2);
    cells[0] = capacity;
    const code = this.fn(base + inputAt, input.length, base + outputAt, base);
    return { code, count: new Uint32Array(this.memory.buffer, base, 2)[0]! };
  }
}

/** What a bare loop does per case for one rule, given the instance the cases share. */
type BareCase = (testCase: unknown, shared: () => BareInstance, fresh: () => BareInstance) => void;

/** The case's own call: a probe with ample room first when its capacity is relative to the
 * needed size (as the engine does), then the call with the case's capacity. */
function caseCall(shape: CallShape, b: BareInstance, c: CallCase) {
  const ample = ampleCapacity(shape, c.input.length);
  let needed: number | undefined;
  if (needsProbe(c.capacity)) {
    const probed = b.call(c.input, ample, shape.elementBytes);
    if (probed.code === 0) needed = probed.count;
  }
  const capacity = resolveCapacity(c.capacity, needed, ample);
  return { ...b.call(c.input, capacity, shape.elementBytes), needed, capacity, ample };
}

interface BarePlan {
  calls: string;
  run: (shape: CallShape) => BareCase;
}

const ONE: BarePlan = {
  calls: '1 call (+1 probe when the capacity is relative to the needed size)',
  run: (shape) => (c, shared) => void caseCall(shape, shared(), c as CallCase),
};

const BARE: Record<string, BarePlan> = {
  'ZC-CALL-008': {
    calls: 'the case call (+probe), then the same call at the reference placement',
    run: (shape) => (c, shared) => {
      const testCase = c as CallCase;
      const first = caseCall(shape, shared(), testCase);
      shared().call(testCase.input, first.capacity, shape.elementBytes);
    },
  },
  'ZC-CALL-010': {
    calls: 'probe + the call below the needed size, then on -3 a retry with the needed size',
    run: (shape) => (c, shared) => {
      const testCase = c as CallCase;
      const first = caseCall(shape, shared(), testCase);
      if (first.code === -3 && first.needed) {
        shared().call(testCase.input, first.needed, shape.elementBytes);
      }
    },
  },
  'ZC-CALL-011': {
    calls:
      "a fresh instance, then 16 + the case's calls (200 large or 16384 small), every other one with no room",
    run: (shape) => (c, _shared, fresh) => {
      const testCase = c as CallCase & { calls: number };
      const b = fresh();
      const ample = ampleCapacity(shape, testCase.input.length);
      for (let i = 0; i < 16 + testCase.calls; i++) {
        b.call(testCase.input, i % 2 === 0 ? ample : 0, shape.elementBytes);
      }
    },
  },
  'ZC-CALL-012': {
    calls: 'two fresh instances, one call on each',
    run: (shape) => (c, _shared, fresh) => {
      const testCase = c as CallCase;
      const ample = ampleCapacity(shape, testCase.input.length);
      for (let i = 0; i < 2; i++) fresh().call(testCase.input, ample, shape.elementBytes);
    },
  },
  'ZC-CALL-013': {
    calls:
      'a fresh instance, a new one per reload, each step a call, each distinct input once more on a fresh instance',
    run: (shape) => (c, _shared, fresh) => {
      const history = c as {
        pool: CallCase[];
        steps: Array<{ kind: 'call'; index: number } | { kind: 'reload' }>;
      };
      let b = fresh();
      const seen = new Set<number>();
      for (const step of history.steps) {
        if (step.kind === 'reload') {
          b = fresh();
          continue;
        }
        const input = history.pool[step.index]!.input;
        const ample = ampleCapacity(shape, input.length);
        b.call(input, ample, shape.elementBytes);
        if (!seen.has(step.index)) fresh().call(input, ample, shape.elementBytes);
        seen.add(step.index);
      }
    },
  },
  'ZC-CALL-014': {
    calls: 'the case call (+probe), then on 0 two more calls with ample room',
    run: (shape) => (c, shared) => {
      const testCase = c as CallCase;
      const first = caseCall(shape, shared(), testCase);
      if (first.code !== 0) return;
      for (let i = 0; i < 2; i++) shared().call(testCase.input, first.ample, shape.elementBytes);
    },
  },
  'ZC-CALL-017': {
    calls: 'two fresh instances, one call on each',
    run: (shape) => (c, _shared, fresh) => {
      const testCase = c as CallCase;
      const ample = ampleCapacity(shape, testCase.input.length);
      for (let i = 0; i < 2; i++) fresh().call(testCase.input, ample, shape.elementBytes);
    },
  },
};

// ---------------------------------------------------------------------------------------------

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fixed = (value: number): string => value.toFixed(2);

const allMedians: Array<{ plugin: string; rule: string; ratio: number }> = [];
for (const pluginPath of PLUGINS) {
  const bytes = new Uint8Array(readFileSync(pluginPath));
  const compiled = await compilePlugin(bytes);
  if (!compiled.ok) throw new Error(compiled.message);
  const limits = resolveLimits(spec, {
    maxInputBytes: process.env['BENCH_MAX_INPUT']
      ? Number(process.env['BENCH_MAX_INPUT'])
      : undefined,
  });
  const prepared = await preparePluginModule(bytes, limits.maxMemoryBytes);
  if (!prepared.ok) throw new Error(prepared.message);
  const state = new PluginUnderTest(
    spec,
    bytes,
    { ok: true, plugin: prepared.plugin, info: compiled.info },
    {
      source: pluginPath,
      seed,
      limits,
      replayArgs: '',
      property: { runs: RUNS, exports: [EXPORT] },
    },
    new CallWatch(createWatchBuffer(), new Map(compiled.exportNames.map((name, i) => [name, i]))),
    new Map(),
  );
  const shape = callShapeOf(spec, EXPORT);
  const name = pluginPath.replace(/^.*\//, '').replace(/\.wasm$/, '');
  console.log(
    `${name}: ${RUNS} runs a rule (fewer where the rule says), ${ROUNDS} rounds, seed ${seed}`,
  );

  for (const ruleId of MAIN_RULES) {
    const ctx = state.contextFor(spec.rule(ruleId));
    const check = checks.get(ruleId)!;
    let observed:
      | { arbitrary: fc.Arbitrary<unknown>; numRuns: number; examples: readonly unknown[] }
      | undefined;
    observePropertyRuns((runShape, arbitrary, numRuns, examples) => {
      if (runShape.exportName === EXPORT) observed = { arbitrary, numRuns, examples };
    });
    const engine = async (): Promise<void> => {
      const outcome = await check.run(ctx);
      if (outcome.status === 'fail') throw new Error(`${ruleId}: ${outcome.message}`);
    };
    await engine(); // warm-up, and the rule's arbitrary and number of runs
    observePropertyRuns(undefined);
    if (!observed) throw new Error(`${ruleId}: no property run of \`${EXPORT}\` was observed`);
    // The engine runs the spec's edge inputs first, then numRuns generated cases: so does this.
    const { arbitrary, examples } = observed;
    const numRuns = observed.numRuns + examples.length;

    const plan = BARE[ruleId] ?? ONE;
    const bareCase = plan.run(shape);
    let sharedInstance: BareInstance | undefined;
    const fresh = (): BareInstance => new BareInstance(prepared.plugin.module, shape);
    const shared = (): BareInstance => (sharedInstance ??= fresh());
    const bare = (): void => {
      sharedInstance = undefined;
      fc.assert(
        fc.property(arbitrary, (testCase) => {
          bareCase(testCase, shared, fresh);
        }),
        { seed, numRuns, examples: examples.map((example) => [example]) },
      );
    };
    const rate = async (run: () => unknown): Promise<number> => {
      collect?.(); // each timed run starts on a clean heap, so none pays for the other's garbage
      const began = performance.now();
      await run();
      return numRuns / ((performance.now() - began) / 1000);
    };

    bare(); // warm-up
    const ratios: number[] = [];
    const rates = { bare: [] as number[], engine: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Which goes first alternates too: neither always runs right after the other's garbage.
      let bareRate: number;
      let engineRate: number;
      if (round % 2 === 0) {
        bareRate = await rate(bare);
        engineRate = await rate(engine);
      } else {
        engineRate = await rate(engine);
        bareRate = await rate(bare);
      }
      rates.bare.push(bareRate);
      rates.engine.push(engineRate);
      ratios.push(engineRate / bareRate);
    }
    const ratio = median(ratios);
    allMedians.push({ plugin: name, rule: ruleId, ratio });
    console.log(
      `  ${ruleId}  ratio ${fixed(ratio)}  (min ${fixed(Math.min(...ratios))}, max ${fixed(Math.max(...ratios))})  ` +
        `bare ${Math.round(median(rates.bare))}/s, engine ${Math.round(median(rates.engine))}/s, ${numRuns} cases; bare: ${plan.calls}`,
    );
  }
}
const below = allMedians.filter((entry) => entry.ratio < 0.8);
console.log(
  `overall: median ratio ${fixed(median(allMedians.map((entry) => entry.ratio)))} over ${allMedians.length} rule-plugin pairs, lowest ${fixed(Math.min(...allMedians.map((entry) => entry.ratio)))}; ` +
    (below.length === 0
      ? 'every one at least 0.80'
      : `${below.length} below 0.80: ${below.map((entry) => `${entry.plugin} ${entry.rule} ${fixed(entry.ratio)}`).join(', ')}`),
);
