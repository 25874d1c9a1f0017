// Instruction counts are the bench's deterministic metric: they must match a hand count of a
// small module under the documented rule, and repeat exactly from run to run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInstructions } from '../src/bench/instructions/count.js';
import { loadBinaryen } from '../src/bench/instructions/binaryen-api.js';
import { COUNTER_EXPORT, instrument } from '../src/bench/instructions/instrument.js';
import { generateInput, type BenchInput } from '../src/bench/inputs.js';
import type { InstanceOptions } from '../src/host/plugin-instance.js';
import { preparePluginModule, type PluginModule } from '../src/host/plugin-module.js';
import { callShapeOf } from '../src/abi/call-shape.js';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { SpecIndex } from '../src/spec-model/spec-index.js';
import { wat } from './helpers/wat.js';

const ROOT = join(import.meta.dirname, '..');
const spec = new SpecIndex(loadSpec());
const binaryen = await loadBinaryen();
const options: InstanceOptions = {
  determinism: { randomSeed: 42, clockStartNs: 0n },
  captureLimit: 1024,
  maxLogBytesPerCall: 65536,
};

/** `process` writes the byte sum of its input: a call, a loop, and straight-line code. */
const SUM_PLUGIN = `(module
  (memory (export "memory") 2)
  (func $sum (param $ptr i32) (param $len i32) (result i32) (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $acc (i32.add (local.get $acc) (i32.load8_u (i32.add (local.get $ptr) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.eqz (local.get $cell)) (then (unreachable)))
    (nop)
    (i32.store (local.get $out) (call $sum (local.get $in) (local.get $len)))
    (i32.store (local.get $cell) (i32.const 4))
    (i32.const 0)))`;

/**
 * The rule: a function entry adds its body's instructions outside loops, each loop iteration
 * adds the loop body's instructions; block and loop themselves count 0.
 *   process: if, eqz, get, unreachable (counted, though not run) | nop |
 *            store, get, call, get, get | store, get, const | const            = 14
 *   $sum outside the loop: local.get $acc                                      = 1
 *   loop body: br_if, ge_u, get, get | set, add, get, load8_u, add, get, get |
 *              set, add, get, const | br                                       = 16
 * The loop header is entered len + 1 times (the last entry leaves by br_if).
 */
const handCount = (len: number): number => 14 + 1 + 16 * (len + 1);

async function compiledCounter(bytes: Uint8Array): Promise<PluginModule> {
  const instrumented = instrument(binaryen, bytes);
  if (!instrumented.ok) throw new Error(instrumented.message);
  const prepared = await preparePluginModule(instrumented.bytes, 64 * 1024 * 1024);
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.plugin;
}

const bytesInput = (length: number): BenchInput => ({
  kind: 'bytes',
  input: Uint8Array.from({ length }, (_, i) => i & 0xff),
  description: `${length} bytes`,
});

describe('instruction counting', () => {
  it('matches the hand count of a small module, for several input lengths', async () => {
    const module = await compiledCounter(wat(SUM_PLUGIN));
    expect(WebAssembly.Module.exports(module.module).map((entry) => entry.name)).toContain(
      COUNTER_EXPORT,
    );
    const shape = callShapeOf(spec, 'process');
    for (const length of [0, 1, 7, 64, 1000]) {
      const counted = countInstructions(module, options, shape, bytesInput(length), 16);
      expect(counted, `length ${length}`).toEqual({ ok: true, perCall: handCount(length) });
    }
  });

  it('keeps the module working: the instrumented process still writes the byte sum', async () => {
    const module = await compiledCounter(wat(SUM_PLUGIN));
    const instance = new WebAssembly.Instance(module.module, {});
    const memory = new Uint8Array((instance.exports['memory'] as WebAssembly.Memory).buffer);
    memory.set([1, 2, 3, 250], 1000);
    const process = instance.exports['process'] as (...args: number[]) => number;
    expect(process(1000, 4, 2000, 3000)).toBe(0);
    expect(new DataView(memory.buffer).getUint32(2000, true)).toBe(256);
  });

  it.each(['echo', 'tokenizer', 'resize'])(
    'gives the same counts on every run for the %s reference plugin',
    async (name) => {
      const bytes = new Uint8Array(
        readFileSync(join(ROOT, 'reference-plugins', 'dist', `${name}.wasm`)),
      );
      const exports = new Set(
        WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((entry) => entry.name),
      );
      const counts = async (): Promise<number[]> => {
        // A fresh instrumentation each time: the instrumented module itself must be stable too.
        const module = await compiledCounter(bytes);
        return [...exports]
          .filter((e) => ['process', 'tokenize', 'resize_image'].includes(e))
          .flatMap((exportName) => {
            const shape = callShapeOf(spec, exportName);
            return [64, 4096].map((size) => {
              const input = generateInput({ spec, exports, seed: 42 }, shape, size);
              const capacity = shape.sizing === 'capacity-cell' ? size * 4 + 256 : undefined;
              const counted = countInstructions(module, options, shape, input, capacity);
              if (!counted.ok) throw new Error(counted.message);
              return counted.perCall;
            });
          });
      };
      const first = await counts();
      expect(first.every((count) => count > 0)).toBe(true);
      expect(await counts()).toEqual(first);
    },
  );

  it('reports a module it cannot read as unavailable, not as an exception', () => {
    const result = instrument(binaryen, new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 99]));
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('error in parsing wasm binary'),
    });
  });
});
