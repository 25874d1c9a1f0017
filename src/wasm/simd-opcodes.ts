/**
 * The 0xfd (SIMD and relaxed SIMD) opcode table as runs of consecutive sub-opcodes; null marks a
 * sub-opcode the proposal left unassigned. Names follow the text format as wabt prints it.
 */
import type { ImmediateKind } from './immediates.js';

type Run = readonly [first: number, immediate: ImmediateKind, names: ReadonlyArray<string | null>];

const compare = (shape: string, ops: readonly string[]): string[] =>
  ops.map((op) => `${shape}.${op}`);
const INT_COMPARE = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const FLOAT_COMPARE = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];

// prettier-ignore
export const SIMD_RUNS: readonly Run[] = [
  [0, 'memarg', [
    'v128.load', 'v128.load8x8_s', 'v128.load8x8_u', 'v128.load16x4_s', 'v128.load16x4_u',
    'v128.load32x2_s', 'v128.load32x2_u', 'v128.load8_splat', 'v128.load16_splat',
    'v128.load32_splat', 'v128.load64_splat', 'v128.store',
  ]],
  [12, 'v128', ['v128.const']],
  [13, 'shuffle', ['i8x16.shuffle']],
  [14, 'none', [
    'i8x16.swizzle', 'i8x16.splat', 'i16x8.splat', 'i32x4.splat', 'i64x2.splat', 'f32x4.splat',
    'f64x2.splat',
  ]],
  [21, 'lane', [
    'i8x16.extract_lane_s', 'i8x16.extract_lane_u', 'i8x16.replace_lane',
    'i16x8.extract_lane_s', 'i16x8.extract_lane_u', 'i16x8.replace_lane',
    'i32x4.extract_lane', 'i32x4.replace_lane', 'i64x2.extract_lane', 'i64x2.replace_lane',
    'f32x4.extract_lane', 'f32x4.replace_lane', 'f64x2.extract_lane', 'f64x2.replace_lane',
  ]],
  [35, 'none', [
    ...compare('i8x16', INT_COMPARE), ...compare('i16x8', INT_COMPARE),
    ...compare('i32x4', INT_COMPARE), ...compare('f32x4', FLOAT_COMPARE),
    ...compare('f64x2', FLOAT_COMPARE),
    'v128.not', 'v128.and', 'v128.andnot', 'v128.or', 'v128.xor', 'v128.bitselect',
    'v128.any_true',
  ]],
  [84, 'memargLane', [
    'v128.load8_lane', 'v128.load16_lane', 'v128.load32_lane', 'v128.load64_lane',
    'v128.store8_lane', 'v128.store16_lane', 'v128.store32_lane', 'v128.store64_lane',
  ]],
  [92, 'memarg', ['v128.load32_zero', 'v128.load64_zero']],
  [94, 'none', [
    'f32x4.demote_f64x2_zero', 'f64x2.promote_low_f32x4',
    'i8x16.abs', 'i8x16.neg', 'i8x16.popcnt', 'i8x16.all_true', 'i8x16.bitmask',
    'i8x16.narrow_i16x8_s', 'i8x16.narrow_i16x8_u',
    'f32x4.ceil', 'f32x4.floor', 'f32x4.trunc', 'f32x4.nearest',
    'i8x16.shl', 'i8x16.shr_s', 'i8x16.shr_u', 'i8x16.add', 'i8x16.add_sat_s',
    'i8x16.add_sat_u', 'i8x16.sub', 'i8x16.sub_sat_s', 'i8x16.sub_sat_u',
    'f64x2.ceil', 'f64x2.floor',
    'i8x16.min_s', 'i8x16.min_u', 'i8x16.max_s', 'i8x16.max_u',
    'f64x2.trunc', 'i8x16.avgr_u',
    'i16x8.extadd_pairwise_i8x16_s', 'i16x8.extadd_pairwise_i8x16_u',
    'i32x4.extadd_pairwise_i16x8_s', 'i32x4.extadd_pairwise_i16x8_u',
    // 128
    'i16x8.abs', 'i16x8.neg', 'i16x8.q15mulr_sat_s', 'i16x8.all_true', 'i16x8.bitmask',
    'i16x8.narrow_i32x4_s', 'i16x8.narrow_i32x4_u',
    'i16x8.extend_low_i8x16_s', 'i16x8.extend_high_i8x16_s',
    'i16x8.extend_low_i8x16_u', 'i16x8.extend_high_i8x16_u',
    'i16x8.shl', 'i16x8.shr_s', 'i16x8.shr_u', 'i16x8.add', 'i16x8.add_sat_s',
    'i16x8.add_sat_u', 'i16x8.sub', 'i16x8.sub_sat_s', 'i16x8.sub_sat_u',
    'f64x2.nearest',
    'i16x8.mul', 'i16x8.min_s', 'i16x8.min_u', 'i16x8.max_s', 'i16x8.max_u', null,
    'i16x8.avgr_u',
    'i16x8.extmul_low_i8x16_s', 'i16x8.extmul_high_i8x16_s',
    'i16x8.extmul_low_i8x16_u', 'i16x8.extmul_high_i8x16_u',
    // 160
    'i32x4.abs', 'i32x4.neg', null, 'i32x4.all_true', 'i32x4.bitmask', null, null,
    'i32x4.extend_low_i16x8_s', 'i32x4.extend_high_i16x8_s',
    'i32x4.extend_low_i16x8_u', 'i32x4.extend_high_i16x8_u',
    'i32x4.shl', 'i32x4.shr_s', 'i32x4.shr_u', 'i32x4.add', null, null, 'i32x4.sub',
    null, null, null,
    'i32x4.mul', 'i32x4.min_s', 'i32x4.min_u', 'i32x4.max_s', 'i32x4.max_u',
    'i32x4.dot_i16x8_s', null,
    'i32x4.extmul_low_i16x8_s', 'i32x4.extmul_high_i16x8_s',
    'i32x4.extmul_low_i16x8_u', 'i32x4.extmul_high_i16x8_u',
    // 192
    'i64x2.abs', 'i64x2.neg', null, 'i64x2.all_true', 'i64x2.bitmask', null, null,
    'i64x2.extend_low_i32x4_s', 'i64x2.extend_high_i32x4_s',
    'i64x2.extend_low_i32x4_u', 'i64x2.extend_high_i32x4_u',
    'i64x2.shl', 'i64x2.shr_s', 'i64x2.shr_u', 'i64x2.add', null, null, 'i64x2.sub',
    null, null, null, 'i64x2.mul',
    'i64x2.eq', 'i64x2.ne', 'i64x2.lt_s', 'i64x2.gt_s', 'i64x2.le_s', 'i64x2.ge_s',
    'i64x2.extmul_low_i32x4_s', 'i64x2.extmul_high_i32x4_s',
    'i64x2.extmul_low_i32x4_u', 'i64x2.extmul_high_i32x4_u',
    // 224
    'f32x4.abs', 'f32x4.neg', null, 'f32x4.sqrt', 'f32x4.add', 'f32x4.sub', 'f32x4.mul',
    'f32x4.div', 'f32x4.min', 'f32x4.max', 'f32x4.pmin', 'f32x4.pmax',
    'f64x2.abs', 'f64x2.neg', null, 'f64x2.sqrt', 'f64x2.add', 'f64x2.sub', 'f64x2.mul',
    'f64x2.div', 'f64x2.min', 'f64x2.max', 'f64x2.pmin', 'f64x2.pmax',
    // 248
    'i32x4.trunc_sat_f32x4_s', 'i32x4.trunc_sat_f32x4_u',
    'f32x4.convert_i32x4_s', 'f32x4.convert_i32x4_u',
    'i32x4.trunc_sat_f64x2_s_zero', 'i32x4.trunc_sat_f64x2_u_zero',
    'f64x2.convert_low_i32x4_s', 'f64x2.convert_low_i32x4_u',
    // 256: relaxed SIMD
    'i8x16.relaxed_swizzle',
    'i32x4.relaxed_trunc_f32x4_s', 'i32x4.relaxed_trunc_f32x4_u',
    'i32x4.relaxed_trunc_f64x2_s_zero', 'i32x4.relaxed_trunc_f64x2_u_zero',
    'f32x4.relaxed_madd', 'f32x4.relaxed_nmadd', 'f64x2.relaxed_madd', 'f64x2.relaxed_nmadd',
    'i8x16.relaxed_laneselect', 'i16x8.relaxed_laneselect', 'i32x4.relaxed_laneselect',
    'i64x2.relaxed_laneselect',
    'f32x4.relaxed_min', 'f32x4.relaxed_max', 'f64x2.relaxed_min', 'f64x2.relaxed_max',
    'i16x8.relaxed_q15mulr_s', 'i16x8.relaxed_dot_i8x16_i7x16_s',
    'i32x4.relaxed_dot_i8x16_i7x16_add_s',
  ]],
];
