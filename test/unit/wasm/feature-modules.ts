// Hand-written modules that use every instruction family the decoder claims to know, so the
// round trip is tested on each immediate layout and not only on what rustc happens to emit.

import wabtInit from 'wabt';
import { wat } from '../../helpers/wat.js';

const wabt = await wabtInit();

/**
 * For multi-memory, which both wabt's validator (whatever the feature flags) and V8 in Node 20
 * refuse: wabt's parser and writer accept it, and that is all the rewriter's tests need.
 */
export function watWithoutValidation(text: string, features: Record<string, boolean>): Uint8Array {
  const module = wabt.parseWat('fixture.wat', text, features);
  try {
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

const FEATURES = {
  simd: true,
  threads: true,
  bulk_memory: true,
  reference_types: true,
  tail_call: true,
  exceptions: true,
  multi_value: true,
  sat_float_to_int: true,
  sign_extension: true,
};

/** Accepted by V8 too (shared memory, EH, tail calls), so the rewriter's output can be run. */
export const featureModule = (): Uint8Array =>
  wat(
    `(module
  (type $pair (func (param i32 i32) (result i32 i32)))
  (import "env" "log" (func $log (param i32)))
  (memory $m 1 1 shared)
  (table $t 2 funcref)
  (table $x 1 externref)
  (global $g (mut i32) (i32.const 0))
  (tag $e (param i32))
  (elem $seg func $swap)
  (data $d "hello")

  (func $swap (type $pair) (local.get 1) (local.get 0))

  (func $multi (result i32 i32)
    (i32.const 1) (i32.const 2)
    (block (param i32 i32) (result i32 i32) (call $swap)))

  (func $control (param $n i32) (result i64)
    (local $f f32) (local $d f64) (local i32 i64 i32)
    (block $a (block $b (block $c (br_table $a $b $c $a (local.get $n)))))
    (loop $l (br_if $l (i32.eqz (i32.const 1))))
    (local.set $f (f32.const -nan:0x200001))
    (local.set $d (f64.const 0x1.fffffffffffffp+1023))
    (global.set $g (i32.const -2147483648))
    (drop (call_indirect $t (type $pair) (i32.const 1) (i32.const 2) (i32.const 0)))
    (drop)
    (if (result i64) (local.get $n)
      (then (i64.const -9223372036854775808))
      (else (i64.extend32_s (i64.const 9223372036854775807)))))

  (func $simd (param $p i32) (result i32)
    (local $v v128)
    (local.set $v (v128.const i32x4 1 2 3 4))
    (local.set $v (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (local.get $v) (local.get $v)))
    (local.set $v (v128.load offset=16 align=8 (local.get $p)))
    (local.set $v (v128.load8_lane 3 (local.get $p) (local.get $v)))
    (v128.store32_lane offset=4 1 (local.get $p) (local.get $v))
    (local.set $v (i32x4.add (local.get $v) (i32x4.splat (i32.const 7))))
    (local.set $v (f64x2.promote_low_f32x4 (local.get $v)))
    (local.set $v (i16x8.extmul_high_i8x16_u (local.get $v) (local.get $v)))
    (local.set $v (i32x4.trunc_sat_f64x2_u_zero (local.get $v)))
    (local.set $v (f32x4.replace_lane 2 (local.get $v) (f32.const 1.5)))
    (i32.add (i8x16.extract_lane_u 15 (local.get $v)) (i64x2.all_true (local.get $v))))

  (func $bulk (param $p i32)
    (memory.init $d (local.get $p) (i32.const 0) (i32.const 5))
    (data.drop $d)
    (memory.copy (local.get $p) (i32.const 0) (i32.const 5))
    (memory.fill (local.get $p) (i32.const 0) (i32.const 5))
    (table.init $t $seg (i32.const 0) (i32.const 0) (i32.const 1))
    (elem.drop $seg)
    (table.copy $t $t (i32.const 0) (i32.const 1) (i32.const 1))
    (drop (table.grow $t (ref.null func) (i32.const 1)))
    (drop (table.size $t))
    (table.fill $t (i32.const 0) (ref.func $swap) (i32.const 1))
    (table.set $x (i32.const 0) (ref.null extern))
    (drop (ref.is_null (table.get $x (i32.const 0))))
    (drop (select (result funcref) (ref.func $swap) (ref.null func) (local.get $p)))
    (drop (select (i32.const 1) (i32.const 2) (local.get $p)))
    (drop (i32.trunc_sat_f32_s (f32.const 1.5)))
    (drop (i64.trunc_sat_f64_u (f64.const -nan:0x4)))
    (drop (i32.extend8_s (i32.const 255)))
    (drop (memory.grow (memory.size))))

  (func $atomics (param $p i32) (result i32)
    (drop (i32.atomic.rmw.cmpxchg offset=8 (local.get $p) (i32.const 1) (i32.const 2)))
    (i64.atomic.store32 (local.get $p) (i64.const 5))
    (drop (memory.atomic.notify (local.get $p) (i32.const 1)))
    (drop (memory.atomic.wait32 (local.get $p) (i32.const 0) (i64.const 0)))
    (atomic.fence)
    (i32.atomic.rmw8.xchg_u (local.get $p) (i32.const 3)))

  (func $tail (param i32) (result i32)
    (if (i32.eqz (local.get 0)) (then (return (i32.const 0))))
    (return_call $tail (i32.sub (local.get 0) (i32.const 1))))

  (func $tail_indirect (param i32 i32) (result i32 i32)
    (return_call_indirect $t (type $pair) (local.get 0) (local.get 1) (i32.const 0)))

  (func $exceptions (param i32) (result i32)
    (try
      (do (try (do (call $log (i32.const 1))) (delegate 0)))
      (catch_all (rethrow 0)))
    (try (result i32)
      (do (throw $e (local.get 0)))
      (catch $e)
      (catch_all (i32.const 0))))

  (export "swap" (func $swap))
  (export "tail" (func $tail))
)`,
    FEATURES,
  );

/** Multi-memory memargs (alignment flag bit 6) and memory indices; V8 in Node 20 refuses it. */
export const multiMemoryModule = (): Uint8Array =>
  watWithoutValidation(
    `(module
  (memory $a 1)
  (memory $b 2)
  (func (export "f") (param i32) (result i32)
    (i32.store $b offset=4 (local.get 0) (i32.load $a (local.get 0)))
    (memory.copy $a $b (i32.const 0) (i32.const 0) (i32.const 1))
    (drop (memory.grow $b (i32.const 1)))
    (drop (memory.size $b))
    (i32.load8_u $b offset=2 (i32.const 0))))`,
    { multi_memory: true },
  );

export const memory64Module = (): Uint8Array =>
  wat(
    `(module
  (memory (export "memory") i64 1)
  (func (export "grow") (result i64) (memory.grow (i64.const 1)))
  (func (export "load") (param i64) (result i32) (i32.load offset=4294967296 (local.get 0))))`,
    { memory64: true },
  );

export const relaxedSimdModule = (): Uint8Array =>
  wat(
    `(module
  (func (param v128 v128 v128) (result v128)
    (i8x16.relaxed_laneselect
      (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))
      (i8x16.relaxed_swizzle (local.get 0) (local.get 1))
      (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get 0) (local.get 1) (local.get 2)))))`,
    { simd: true, relaxed_simd: true },
  );
