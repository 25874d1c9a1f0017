/**
 * Property cases per second: the engine (guards, probe, placement, verdicts) against a bare
 * fast-check loop that calls the same export directly on the same arbitrary, in one process.
 * Run: npx tsx bench/property-throughput.ts [plugin.wasm] [rule]
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CallWatch, createWatchBuffer } from '../src/host/call-watch.js';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { SpecIndex } from '../src/spec-model/spec-index.js';
import { compilePlugin } from '../src/runner/load-plugin.js';
import { preparePluginModule } from '../src/host/plugin-module.js';
import { PluginUnderTest } from '../src/check/plugin-under-test.js';
import { resolveLimits } from '../src/spec-model/limits.js';
import { loadChecks } from '../src/runner/registry.js';
import { callCaseArbitrary } from '../src/property/arbitraries/call-case.js';
import { caseEnvironment } from '../src/property/call-property.js';
import { callShapeOf } from '../src/abi/call-shape.js';
import { ampleCapacity } from '../src/abi/capacity.js';

const pluginPath = process.argv[2] ?? 'reference-plugins/dist/echo.wasm';
const ruleId = process.argv[3] ?? 'ZC-CALL-006';
const RUNS = 2000;
const ROUNDS = 5;

const spec = new SpecIndex(loadSpec());
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
const checks = await loadChecks();
const seed = 42;
const state = new PluginUnderTest(
  spec,
  bytes,
  { ok: true, plugin: prepared.plugin, info: compiled.info },
  {
    source: pluginPath,
    seed,
    limits,
    replayArgs: '',
    property: { runs: RUNS, exports: ['process'] },
  },
  new CallWatch(createWatchBuffer(), new Map(compiled.exportNames.map((name, i) => [name, i]))),
  new Map(),
);
const ctx = state.contextFor(spec.rule(ruleId));
const check = checks.get(ruleId)!;

// The bare loop: same shape, same case arbitrary, the export called straight on resident buffers.
const shape = callShapeOf(spec, 'process');
const env = caseEnvironment(ctx);
const setup = state.startPlugin();
if (!setup.ok) throw new Error('plugin did not start');
const plugin = setup.instance;
const process_ = plugin.instance.exports['process'] as (...args: number[]) => number;
const base = plugin.growForHost(64) * 65536;
const bare = (): void => {
  fc.assert(
    fc.property(callCaseArbitrary(shape, env, ['apart']), (testCase) => {
      const memory = new Uint8Array(plugin.memory!.buffer);
      const capacity = ampleCapacity(shape, testCase.input.length);
      memory.set(testCase.input, base + 64);
      const cell = base + 16;
      new DataView(memory.buffer).setUint32(cell, capacity, true);
      process_(base + 64, testCase.input.length, base + 64 + testCase.input.length + 64, cell);
      return true;
    }),
    { seed, numRuns: RUNS },
  );
};
const engine = async (): Promise<void> => {
  const outcome = await check.run(ctx);
  if (outcome.status !== 'pass') throw new Error(`${ruleId}: ${outcome.message}`);
};

const rate = async (run: () => unknown): Promise<number> => {
  const began = performance.now();
  await run();
  return RUNS / ((performance.now() - began) / 1000);
};

await engine();
bare();
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const bareRate = await rate(bare);
  const engineRate = await rate(engine);
  ratios.push(engineRate / bareRate);
  console.log(
    `round ${round + 1}: bare ${Math.round(bareRate)} cases/s, engine ${Math.round(engineRate)} cases/s (${ruleId}), ratio ${(engineRate / bareRate).toFixed(2)}`,
  );
}
ratios.sort((a, b) => a - b);
console.log(`median engine/bare ratio: ${ratios[Math.floor(ROUNDS / 2)]!.toFixed(2)}`);
