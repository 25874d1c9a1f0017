// The differential check: an identical copy is equivalent, a mutant that changes the output is
// not (and says where), one that does not start is not instantiable.
import { describe, expect, it } from 'vitest';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import {
  buildReference,
  differential,
  type ReferenceGroup,
} from '../../../bench/mutation/differential.js';
import type { ExerciseSettings } from '../../../bench/mutation/exercise.js';
import { exerciseInputs } from '../../../bench/mutation/inputs.js';
import { echoProcess, watPlugin } from '../../helpers/wat-plugin.js';
import { wat } from '../../helpers/wat.js';

const spec = new SpecIndex(loadSpec());
const settings: ExerciseSettings = {
  spec,
  seed: 42,
  maxLogBytesPerCall: 65536,
  maxInputBytes: 1024 * 1024,
  shapes: new Map([['process', callShapeOf(spec, 'process')]]),
};
const inputs = exerciseInputs(spec, new Set(['process', 'plugin_info']), {
  seed: 42,
  seeded: 40,
  maxInputBytes: 4096,
});

const original = wat(watPlugin());
const reference = await buildReference(original, inputs, settings);

/** The echo's process with `extra` run after the copy (locals $in $len $out $cell). */
const processThen = (extra: string) => echoProcess({ extra });

describe('differential check', () => {
  it('plans each input at several capacities and records every step of the original', () => {
    expect(reference.groups.map((group) => group.exportName)).toEqual(['process']);
    const [{ plan, steps }] = reference.groups as [ReferenceGroup];
    expect(plan.length).toBeGreaterThan(inputs.length * 3);
    const relations = new Set(plan.map((call) => call.capacity?.relation));
    expect([...relations].sort()).toEqual(
      ['ample', 'exact', 'half the needed size', 'needed - 1', 'zero'].sort(),
    );
    expect(steps[0]?.observation.outcome).toBe('ok');
    expect(steps[1]?.observation.text).toBe('wat-echo v1.2.3');
    expect(steps.at(-1)?.label).toBe('memory after the run');
    expect(reference.covered.size).toBe(3);
  });

  it('calls an identical copy equivalent', async () => {
    const copy = new Uint8Array(original);
    expect(await differential(copy, reference, settings)).toEqual({
      kind: 'equivalent',
      steps: reference.groups[0]?.steps.length,
    });
  });

  it('calls a mutant that changes the output non-equivalent, naming the first input it saw', async () => {
    const flipsFirstByte = wat(
      watPlugin({
        exports: {
          process: processThen(`(if (local.get $len)
              (then (i32.store8 (local.get $out) (i32.xor (i32.load8_u (local.get $out)) (i32.const 1)))))`),
        },
      }),
    );
    const verdict = await differential(flipsFirstByte, reference, settings);
    expect(verdict.kind).toBe('differs');
    if (verdict.kind !== 'differs') return;
    expect(verdict.difference.field).toBe('output');
    expect(verdict.difference.step).toMatch(/^process\(canned: short text, capacity \d+ \(ample\)/);
    expect(verdict.difference.input).toContain('hello, world');
  });

  it('sees a trap, a loop that never ends, and a different plugin_info', async () => {
    const traps = await differential(
      wat(
        watPlugin({
          exports: {
            process: processThen(
              '(if (i32.gt_u (local.get $len) (i32.const 100)) (then unreachable))',
            ),
          },
        }),
      ),
      reference,
      settings,
    );
    expect(traps.kind === 'differs' && traps.difference.mutant).toMatch(/^trapped/);

    const hangs = await differential(
      wat(
        watPlugin({
          exports: { process: processThen('(loop $again (br_if $again (local.get $len)))') },
        }),
      ),
      reference,
      settings,
    );
    expect(hangs.kind === 'differs' && hangs.difference.mutant).toMatch(/^hang/);

    const renamed = await differential(
      wat(watPlugin({ info: 'wat-echo v1.2.4\\00' })),
      reference,
      settings,
    );
    expect(renamed).toMatchObject({
      kind: 'differs',
      difference: { step: 'plugin_info()', field: 'text', original: 'wat-echo v1.2.3' },
    });
  });

  it('calls a mutant whose plugin_info traps not instantiable', async () => {
    const verdict = await differential(
      wat(
        watPlugin({
          exports: { plugin_info: '(func (export "plugin_info") (result i32) unreachable)' },
        }),
      ),
      reference,
      settings,
    );
    expect(verdict.kind).toBe('not-instantiable');
  });

  it('runs each export on its own instance, so a difference in one does not hide another', async () => {
    /** One u32 per input byte, `extra` added to each (0 in the original). */
    const tokenize = (extra: number) => `
      (func (export "tokenize") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
        (local $i i32)
        (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
          (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
              (i32.add (i32.const ${extra}) (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        (i32.store (local.get $cell) (local.get $len))
        (i32.const 0))`;
    const both: ExerciseSettings = {
      ...settings,
      shapes: new Map([
        ['process', callShapeOf(spec, 'process')],
        ['tokenize', callShapeOf(spec, 'tokenize')],
      ]),
    };
    const twoExports = (extra: number, process = processThen('')) =>
      wat(watPlugin({ exports: { process }, extra: tokenize(extra) }));
    const withTokenize = await buildReference(
      twoExports(0),
      exerciseInputs(spec, new Set(['process', 'tokenize']), {
        seed: 42,
        seeded: 10,
        maxInputBytes: 512,
      }),
      both,
    );
    expect(withTokenize.groups.map((group) => group.exportName)).toEqual(['process', 'tokenize']);

    const onlyTokenize = await differential(twoExports(1), withTokenize, both);
    expect(onlyTokenize).toMatchObject({ kind: 'differs', alsoDiffers: [] });
    expect(onlyTokenize.kind === 'differs' && onlyTokenize.difference.step).toMatch(/^tokenize\(/);

    const dropsOutputLen = processThen('(i32.store (local.get $cell) (i32.const 0))');
    const bothChanged = await differential(twoExports(1, dropsOutputLen), withTokenize, both);
    expect(bothChanged).toMatchObject({
      kind: 'differs',
      difference: { field: 'output_len' },
      alsoDiffers: [{ field: 'output' }],
    });
  });
});
