/**
 * The mutation operators, one table. Each looks at one instruction of a decoded body and
 * offers the variants that replace it: the instruction itself renamed or re-valued, or a short
 * sequence with the same stack effect (a store by two drops, an `if` by `i32.eqz; if`). Every
 * variant keeps the body's block structure; whether the module still validates is checked on
 * the whole mutant (mutate.ts), and a variant that does not is skipped.
 */
import { instruction, type Instruction } from '../../src/wasm/instructions.js';
import { naturalAlignment } from './print.js';

export const OPERATOR_IDS = [
  'const-off-by-one',
  'swap-comparison',
  'swap-add-sub',
  'drop-store',
  'loop-bound',
  'swap-width',
  'drop-br-if',
  'negate-if',
] as const;

export type OperatorId = (typeof OPERATOR_IDS)[number];

/** One instruction of a body, with what the operators need to know about where it is. */
export interface SiteContext {
  readonly instructions: readonly Instruction[];
  readonly index: number;
  /** How many `loop` blocks enclose the instruction. */
  readonly loopDepth: number;
}

export interface Variant {
  /** Short name of the change, e.g. `+1`, `i32.le_u`, `0`. */
  readonly label: string;
  /** What replaces the one instruction at the site. */
  readonly replacement: readonly Instruction[];
}

export interface MutationOperator {
  readonly id: OperatorId;
  readonly description: string;
  variants(site: SiteContext): Variant[];
}

/** For each instruction of a body, the number of loops around it. */
export function loopDepths(instructions: readonly Instruction[]): number[] {
  const open: boolean[] = [];
  let loops = 0;
  return instructions.map(({ opcode }) => {
    const depth = loops;
    if (opcode === 0x02 || opcode === 0x04 || opcode === 0x06) open.push(false);
    else if (opcode === 0x03) {
      open.push(true);
      loops++;
    } else if (opcode === 0x0b && open.pop() === true) loops--;
    return depth;
  });
}

const renamed = (from: Instruction, name: string): Instruction =>
  instruction(name, from.immediates);

const constant = (name: 'i32.const' | 'i64.const', value: number | bigint): Instruction =>
  name === 'i32.const'
    ? instruction(name, { kind: 'i32', value: Number(value) | 0 })
    : instruction(name, { kind: 'i64', value: BigInt.asIntN(64, BigInt(value)) });

/** `i32.const` / `i64.const` with its value, or undefined for anything else. */
function constantValue(candidate: Instruction | undefined): bigint | undefined {
  if (candidate?.immediates.kind === 'i32') return BigInt(candidate.immediates.value);
  if (candidate?.immediates.kind === 'i64') return candidate.immediates.value;
  return undefined;
}

const wrapTo = (name: string, value: bigint): bigint =>
  name === 'i32.const' ? BigInt.asIntN(32, value) : BigInt.asIntN(64, value);

const STRICTNESS: Record<string, string> = {
  lt: 'le',
  le: 'lt',
  gt: 'ge',
  ge: 'gt',
  eq: 'ne',
  ne: 'eq',
};

/** `i32.lt_s` → [`i32.le_s`, `i32.lt_u`]; `f64.gt` → [`f64.ge`]; `i64.eq` → [`i64.ne`]. */
function comparisonSwaps(name: string): string[] {
  const match = /^(i32|i64|f32|f64)\.(eq|ne|lt|gt|le|ge)(?:_([su]))?$/.exec(name);
  if (!match) return [];
  const [, type, op, sign] = match as unknown as [string, string, string, string | undefined];
  const strict = `${type}.${STRICTNESS[op]}${sign ? `_${sign}` : ''}`;
  if (!sign) return [strict];
  return [strict, `${type}.${op}_${sign === 's' ? 'u' : 's'}`];
}

const isComparison = (candidate: Instruction | undefined): boolean =>
  candidate !== undefined &&
  /^(i32|i64)\.(eq|ne|lt_[su]|gt_[su]|le_[su]|ge_[su])$/.test(candidate.name);

/** Instructions that take nothing from the stack and push one value. */
const PRODUCERS = new Set([
  'local.get',
  'global.get',
  'i32.const',
  'i64.const',
  'f32.const',
  'f64.const',
  'memory.size',
]);

/**
 * Width chains: each access and its narrower and wider neighbours of the same type and sign
 * (the full-width access ends both the signed and the unsigned chain of loads).
 */
const WIDTH_CHAINS: readonly (readonly string[])[] = [
  ['i32.load8_s', 'i32.load16_s', 'i32.load'],
  ['i32.load8_u', 'i32.load16_u', 'i32.load'],
  ['i64.load8_s', 'i64.load16_s', 'i64.load32_s', 'i64.load'],
  ['i64.load8_u', 'i64.load16_u', 'i64.load32_u', 'i64.load'],
  ['i32.store8', 'i32.store16', 'i32.store'],
  ['i64.store8', 'i64.store16', 'i64.store32', 'i64.store'],
];

function widthNeighbours(name: string): string[] {
  const found = new Set<string>();
  for (const chain of WIDTH_CHAINS) {
    const at = chain.indexOf(name);
    if (at < 0) continue;
    if (at > 0) found.add(chain[at - 1]!);
    if (at < chain.length - 1) found.add(chain[at + 1]!);
  }
  return [...found];
}

const STORES = /^(i32|i64|f32|f64)\.store(8|16|32)?$/;

export const OPERATORS: readonly MutationOperator[] = [
  {
    id: 'const-off-by-one',
    description: 'an i32.const or i64.const one more or one less',
    variants({ instructions, index }) {
      const here = instructions[index]!;
      const value = constantValue(here);
      if (value === undefined || (here.name !== 'i32.const' && here.name !== 'i64.const'))
        return [];
      const name = here.name;
      return [
        { label: '+1', replacement: [constant(name, wrapTo(name, value + 1n))] },
        { label: '-1', replacement: [constant(name, wrapTo(name, value - 1n))] },
      ];
    },
  },
  {
    id: 'swap-comparison',
    description: 'a comparison swapped: lt↔le, gt↔ge, eq↔ne, signed↔unsigned',
    variants({ instructions, index }) {
      const here = instructions[index]!;
      return comparisonSwaps(here.name).map((name) => ({
        label: name,
        replacement: [renamed(here, name)],
      }));
    },
  },
  {
    id: 'swap-add-sub',
    description: 'i32.add↔i32.sub, i64.add↔i64.sub',
    variants({ instructions, index }) {
      const here = instructions[index]!;
      const match = /^(i32|i64)\.(add|sub)$/.exec(here.name);
      if (!match) return [];
      const name = `${match[1]}.${match[2] === 'add' ? 'sub' : 'add'}`;
      return [{ label: name, replacement: [renamed(here, name)] }];
    },
  },
  {
    id: 'drop-store',
    description: 'a store that never happens: its address and value dropped',
    variants({ instructions, index }) {
      const here = instructions[index]!;
      if (here.opcode >= 0xfc || !STORES.test(here.name)) return [];
      return [{ label: 'drop; drop', replacement: [instruction('drop'), instruction('drop')] }];
    },
  },
  {
    id: 'loop-bound',
    description: 'the constant a br_if inside a loop compares with: ±1, or 0',
    variants({ instructions, index, loopDepth }) {
      const here = instructions[index]!;
      const value = constantValue(here);
      if (loopDepth === 0 || value === undefined) return [];
      const next = instructions[index + 1];
      const comparedAt =
        isComparison(next) && instructions[index + 2]?.name === 'br_if'
          ? index + 1
          : next !== undefined &&
              PRODUCERS.has(next.name) &&
              isComparison(instructions[index + 2]) &&
              instructions[index + 3]?.name === 'br_if'
            ? index + 2
            : undefined;
      if (comparedAt === undefined) return [];
      const name = here.name as 'i32.const' | 'i64.const';
      const values = new Map<bigint, string>();
      for (const [label, candidate] of [
        ['+1', value + 1n],
        ['-1', value - 1n],
        ['0', 0n],
      ] as const) {
        const wrapped = wrapTo(name, candidate);
        if (wrapped !== value && !values.has(wrapped)) values.set(wrapped, label);
      }
      return [...values].map(([candidate, label]) => ({
        label,
        replacement: [constant(name, candidate)],
      }));
    },
  },
  {
    id: 'swap-width',
    description: 'a load or store one width narrower or wider (8↔16↔32↔64 bits)',
    variants({ instructions, index }) {
      const here = instructions[index]!;
      if (here.immediates.kind !== 'memarg' || here.opcode >= 0xfc) return [];
      const { memarg } = here.immediates;
      return widthNeighbours(here.name).map((name) => ({
        label: name,
        replacement: [
          instruction(name, {
            kind: 'memarg',
            memarg: { ...memarg, align: Math.min(memarg.align, naturalAlignment(name)) },
          }),
        ],
      }));
    },
  },
  {
    id: 'drop-br-if',
    description: 'a br_if replaced by drop: the branch (a bounds check, an early exit) never taken',
    variants({ instructions, index }) {
      if (instructions[index]!.name !== 'br_if') return [];
      return [{ label: 'drop', replacement: [instruction('drop')] }];
    },
  },
  {
    id: 'negate-if',
    description: 'an if whose condition is negated by an inserted i32.eqz',
    variants({ instructions, index }) {
      const here = instructions[index]!;
      if (here.name !== 'if') return [];
      return [{ label: 'i32.eqz; if', replacement: [instruction('i32.eqz'), here] }];
    },
  },
];

export const operatorById = (id: OperatorId): MutationOperator => {
  const found = OPERATORS.find((operator) => operator.id === id);
  if (!found) throw new Error(`unknown mutation operator ${id}`);
  return found;
};
