// Each mutation operator on a tiny module: every variant it offers gives a module that
// validates and differs from the original in exactly the one intended place.
import { describe, expect, it } from 'vitest';
import type { Instruction } from '../../../src/wasm/instructions.js';
import { ModuleEditor } from '../../../src/wasm/rewrite.js';
import { applySite, enumerateSites, type MutationSite } from '../../../bench/mutation/mutate.js';
import { OPERATOR_IDS, loopDepths, type OperatorId } from '../../../bench/mutation/operators.js';
import { printInstruction } from '../../../bench/mutation/print.js';
import { wat } from '../../helpers/wat.js';

const MODULE = wat(`(module
  (memory (export "memory") 1)
  (func $helper (result i32) (i32.const 7))
  (func (export "f") (param $p i32) (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.const 10)))
        (i32.store8 (i32.add (local.get $p) (local.get $i)) (i32.load16_u (local.get $p)))
        (i64.store (local.get $p) (i64.add (i64.const 5) (i64.load32_u offset=4 (local.get $p))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (result i32) (i32.lt_s (local.get $n) (call $helper))
      (then (i32.const -1))
      (else (i32.sub (local.get $n) (f64.lt (f64.const 1) (f64.const 2)))))))`);

/** Every body as instructions without their byte ranges, so bodies compare by content. */
function bodies(bytes: Uint8Array): Map<number, Array<Omit<Instruction, 'range'>>> {
  const out = new Map<number, Array<Omit<Instruction, 'range'>>>();
  new ModuleEditor(bytes).mapFunctionBodies((instructions, { functionIndex }) => {
    out.set(
      functionIndex,
      instructions.map(({ range: _range, ...rest }) => ({ ...rest })),
    );
    return instructions;
  });
  return out;
}

const all = new Map([
  [0, true as const],
  [1, true as const],
]);
const sites = enumerateSites(MODULE, all);
const original = bodies(MODULE);
const sitesOf = (operator: OperatorId): MutationSite[] =>
  sites.filter((site) => site.operator === operator);
const changes = (operator: OperatorId): string[] =>
  sitesOf(operator).map((site) => `${site.before} -> ${site.after}`);

describe('mutation operators', () => {
  it.each(OPERATOR_IDS)('%s: every variant validates and changes exactly its instruction', (id) => {
    const own = sitesOf(id);
    expect(own.length).toBeGreaterThan(0);
    for (const site of own) {
      const mutant = applySite(MODULE, site);
      expect(WebAssembly.validate(mutant as Uint8Array<ArrayBuffer>), site.after).toBe(true);
      const mutated = bodies(mutant);
      for (const [index, body] of original) {
        if (index !== site.functionIndex) {
          expect(mutated.get(index)).toEqual(body);
          continue;
        }
        const expected = [
          ...body.slice(0, site.instructionIndex),
          ...site.replacement.map(({ range: _range, ...rest }) => ({ ...rest })),
          ...body.slice(site.instructionIndex + 1),
        ];
        expect(mutated.get(index)).toEqual(expected);
        expect(mutated.get(index)).not.toEqual(body);
      }
    }
  });

  it('offsets each i32.const and i64.const by one either way', () => {
    expect(changes('const-off-by-one')).toEqual(
      expect.arrayContaining([
        'i32.const 10 -> i32.const 11',
        'i32.const 10 -> i32.const 9',
        'i64.const 5 -> i64.const 6',
        'i32.const -1 -> i32.const 0',
        'i32.const 7 -> i32.const 8',
      ]),
    );
    expect(changes('const-off-by-one').some((change) => change.startsWith('f64'))).toBe(false);
  });

  it('swaps strictness, sign and equality of comparisons', () => {
    expect(changes('swap-comparison')).toEqual([
      'i32.ge_u -> i32.gt_u',
      'i32.ge_u -> i32.ge_s',
      'i32.lt_s -> i32.le_s',
      'i32.lt_s -> i32.lt_u',
      'f64.lt -> f64.le',
    ]);
  });

  it('swaps add and sub', () => {
    expect(changes('swap-add-sub')).toEqual([
      'i32.add -> i32.sub',
      'i64.add -> i64.sub',
      'i32.add -> i32.sub',
      'i32.sub -> i32.add',
    ]);
  });

  it('drops stores by dropping their operands', () => {
    expect(changes('drop-store')).toEqual(['i32.store8 -> drop; drop', 'i64.store -> drop; drop']);
  });

  it('moves the constant a br_if in a loop compares with', () => {
    expect(changes('loop-bound')).toEqual([
      'i32.const 10 -> i32.const 11',
      'i32.const 10 -> i32.const 9',
      'i32.const 10 -> i32.const 0',
    ]);
  });

  it('swaps access widths, keeping the alignment at most the natural one', () => {
    expect(changes('swap-width')).toEqual([
      'i32.load16_u -> i32.load8_u',
      'i32.load16_u -> i32.load align=2',
      'i32.store8 -> i32.store16 align=1',
      'i64.load32_u offset=4 -> i64.load16_u offset=4',
      'i64.load32_u offset=4 -> i64.load offset=4 align=4',
      'i64.store -> i64.store32',
    ]);
  });

  it('replaces a br_if by drop and negates an if', () => {
    expect(changes('drop-br-if')).toEqual(['br_if 1 -> drop']);
    expect(changes('negate-if')).toEqual(['if (result i32) -> i32.eqz; if (result i32)']);
  });

  it('counts the loops around each instruction', () => {
    const body = bodies(MODULE).get(1)!;
    const depths = loopDepths(body);
    expect(depths[body.findIndex((instruction) => instruction.name === 'br_if')]).toBe(1);
    expect(depths[body.findIndex((instruction) => instruction.name === 'if')]).toBe(0);
    expect(printInstruction(body.find((instruction) => instruction.name === 'loop')!)).toBe('loop');
  });
});
