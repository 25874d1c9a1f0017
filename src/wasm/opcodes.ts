/**
 * The instruction table: every opcode the decoder knows, with the shape of its immediates.
 * Covers the MVP, sign extension, saturating truncation, bulk memory, reference types, tail
 * calls, legacy exception handling, SIMD (with relaxed SIMD), threads and multi-memory memargs.
 * Anything missing here (GC, typed function references, try_table) is a decode error on purpose:
 * a rewriter must never guess at bytes it cannot parse.
 */
import type { ImmediateKind } from './immediates.js';
import { SIMD_RUNS } from './simd-opcodes.js';

export interface OpcodeInfo {
  readonly name: string;
  /** The first byte; 0xfc, 0xfd or 0xfe for prefixed instructions. */
  readonly opcode: number;
  /** The u32 that follows a prefix byte. */
  readonly subOpcode: number | undefined;
  readonly immediate: ImmediateKind;
}

export const PREFIX_MISC = 0xfc;
export const PREFIX_SIMD = 0xfd;
export const PREFIX_THREADS = 0xfe;

const single = new Array<OpcodeInfo | undefined>(256);
const prefixed = new Map<number, Map<number, OpcodeInfo>>([
  [PREFIX_MISC, new Map()],
  [PREFIX_SIMD, new Map()],
  [PREFIX_THREADS, new Map()],
]);
const byName = new Map<string, OpcodeInfo[]>();

function define(
  opcode: number,
  subOpcode: number | undefined,
  name: string,
  immediate: ImmediateKind,
): void {
  const info: OpcodeInfo = Object.freeze({ name, opcode, subOpcode, immediate });
  if (subOpcode === undefined) single[opcode] = info;
  else prefixed.get(opcode)?.set(subOpcode, info);
  byName.set(name, [...(byName.get(name) ?? []), info]);
}

/** Consecutive opcodes sharing one immediate shape; null marks a reserved gap. */
function run(
  prefix: number | undefined,
  first: number,
  immediate: ImmediateKind,
  names: ReadonlyArray<string | null>,
): void {
  names.forEach((name, index) => {
    if (name === null) return;
    if (prefix === undefined) define(first + index, undefined, name, immediate);
    else define(prefix, first + index, name, immediate);
  });
}

const typed = (type: string, ops: readonly string[]): string[] => ops.map((op) => `${type}.${op}`);
const INT_COMPARE = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const FLOAT_COMPARE = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];
// prettier-ignore
const INT_ARITH = [
  'clz', 'ctz', 'popcnt', 'add', 'sub', 'mul', 'div_s', 'div_u', 'rem_s', 'rem_u',
  'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'rotl', 'rotr',
];
// prettier-ignore
const FLOAT_ARITH = [
  'abs', 'neg', 'ceil', 'floor', 'trunc', 'nearest', 'sqrt',
  'add', 'sub', 'mul', 'div', 'min', 'max', 'copysign',
];

// Control, parametric, variable and table access.
run(undefined, 0x00, 'none', ['unreachable', 'nop']);
run(undefined, 0x02, 'block', ['block', 'loop', 'if']);
run(undefined, 0x05, 'none', ['else']);
run(undefined, 0x06, 'block', ['try']);
run(undefined, 0x07, 'index', ['catch', 'throw', 'rethrow']);
run(undefined, 0x0b, 'none', ['end']);
run(undefined, 0x0c, 'index', ['br', 'br_if']);
run(undefined, 0x0e, 'brTable', ['br_table']);
run(undefined, 0x0f, 'none', ['return']);
run(undefined, 0x10, 'index', ['call']);
run(undefined, 0x11, 'indexPair', ['call_indirect']);
run(undefined, 0x12, 'index', ['return_call']);
run(undefined, 0x13, 'indexPair', ['return_call_indirect']);
run(undefined, 0x18, 'index', ['delegate']);
run(undefined, 0x19, 'none', ['catch_all', 'drop', 'select']);
run(undefined, 0x1c, 'selectTypes', ['select']);
run(undefined, 0x20, 'index', ['local.get', 'local.set', 'local.tee', 'global.get', 'global.set']);
run(undefined, 0x25, 'index', ['table.get', 'table.set']);

// Memory.
run(undefined, 0x28, 'memarg', [
  ...typed('i32', ['load']),
  ...typed('i64', ['load']),
  ...typed('f32', ['load']),
  ...typed('f64', ['load']),
  ...typed('i32', ['load8_s', 'load8_u', 'load16_s', 'load16_u']),
  ...typed('i64', ['load8_s', 'load8_u', 'load16_s', 'load16_u', 'load32_s', 'load32_u']),
  ...typed('i32', ['store']),
  ...typed('i64', ['store']),
  ...typed('f32', ['store']),
  ...typed('f64', ['store']),
  ...typed('i32', ['store8', 'store16']),
  ...typed('i64', ['store8', 'store16', 'store32']),
]);
run(undefined, 0x3f, 'index', ['memory.size', 'memory.grow']);

// Numeric.
run(undefined, 0x41, 'i32', ['i32.const']);
run(undefined, 0x42, 'i64', ['i64.const']);
run(undefined, 0x43, 'f32', ['f32.const']);
run(undefined, 0x44, 'f64', ['f64.const']);
run(undefined, 0x45, 'none', [
  ...typed('i32', ['eqz', ...INT_COMPARE]),
  ...typed('i64', ['eqz', ...INT_COMPARE]),
  ...typed('f32', FLOAT_COMPARE),
  ...typed('f64', FLOAT_COMPARE),
  ...typed('i32', INT_ARITH),
  ...typed('i64', INT_ARITH),
  ...typed('f32', FLOAT_ARITH),
  ...typed('f64', FLOAT_ARITH),
  'i32.wrap_i64',
  ...typed('i32', ['trunc_f32_s', 'trunc_f32_u', 'trunc_f64_s', 'trunc_f64_u']),
  ...typed('i64', ['extend_i32_s', 'extend_i32_u']),
  ...typed('i64', ['trunc_f32_s', 'trunc_f32_u', 'trunc_f64_s', 'trunc_f64_u']),
  ...typed('f32', ['convert_i32_s', 'convert_i32_u', 'convert_i64_s', 'convert_i64_u']),
  'f32.demote_f64',
  ...typed('f64', ['convert_i32_s', 'convert_i32_u', 'convert_i64_s', 'convert_i64_u']),
  'f64.promote_f32',
  'i32.reinterpret_f32',
  'i64.reinterpret_f64',
  'f32.reinterpret_i32',
  'f64.reinterpret_i64',
  ...typed('i32', ['extend8_s', 'extend16_s']),
  ...typed('i64', ['extend8_s', 'extend16_s', 'extend32_s']),
]);

// Reference types.
run(undefined, 0xd0, 'refType', ['ref.null']);
run(undefined, 0xd1, 'none', ['ref.is_null']);
run(undefined, 0xd2, 'index', ['ref.func']);

// 0xfc: saturating truncation, bulk memory, tables.
run(PREFIX_MISC, 0, 'none', [
  ...typed('i32', ['trunc_sat_f32_s', 'trunc_sat_f32_u', 'trunc_sat_f64_s', 'trunc_sat_f64_u']),
  ...typed('i64', ['trunc_sat_f32_s', 'trunc_sat_f32_u', 'trunc_sat_f64_s', 'trunc_sat_f64_u']),
]);
run(PREFIX_MISC, 8, 'indexPair', ['memory.init']);
run(PREFIX_MISC, 9, 'index', ['data.drop']);
run(PREFIX_MISC, 10, 'indexPair', ['memory.copy']);
run(PREFIX_MISC, 11, 'index', ['memory.fill']);
run(PREFIX_MISC, 12, 'indexPair', ['table.init']);
run(PREFIX_MISC, 13, 'index', ['elem.drop']);
run(PREFIX_MISC, 14, 'indexPair', ['table.copy']);
run(PREFIX_MISC, 15, 'index', ['table.grow', 'table.size', 'table.fill']);

// 0xfd: SIMD, kept in its own table.
for (const [first, immediate, names] of SIMD_RUNS) run(PREFIX_SIMD, first, immediate, names);

// 0xfe: threads.
run(PREFIX_THREADS, 0, 'memarg', [
  'memory.atomic.notify',
  'memory.atomic.wait32',
  'memory.atomic.wait64',
]);
run(PREFIX_THREADS, 3, 'zeroByte', ['atomic.fence']);
run(PREFIX_THREADS, 0x10, 'memarg', [
  ...typed('i32.atomic', ['load']),
  ...typed('i64.atomic', ['load']),
  ...typed('i32.atomic', ['load8_u', 'load16_u']),
  ...typed('i64.atomic', ['load8_u', 'load16_u', 'load32_u']),
  ...typed('i32.atomic', ['store']),
  ...typed('i64.atomic', ['store']),
  ...typed('i32.atomic', ['store8', 'store16']),
  ...typed('i64.atomic', ['store8', 'store16', 'store32']),
]);
['add', 'sub', 'and', 'or', 'xor', 'xchg', 'cmpxchg'].forEach((op, index) => {
  run(PREFIX_THREADS, 0x1e + 7 * index, 'memarg', [
    `i32.atomic.rmw.${op}`,
    `i64.atomic.rmw.${op}`,
    `i32.atomic.rmw8.${op}_u`,
    `i32.atomic.rmw16.${op}_u`,
    `i64.atomic.rmw8.${op}_u`,
    `i64.atomic.rmw16.${op}_u`,
    `i64.atomic.rmw32.${op}_u`,
  ]);
});

export function opcodeInfo(opcode: number, subOpcode: number | undefined): OpcodeInfo | undefined {
  return subOpcode === undefined ? single[opcode] : prefixed.get(opcode)?.get(subOpcode);
}

export function isPrefix(opcode: number): boolean {
  return prefixed.has(opcode);
}

/** Opcodes spelled `name` (only `select` has two: plain and typed). */
export function opcodesNamed(name: string): readonly OpcodeInfo[] {
  return byName.get(name) ?? [];
}
