// WAT plugins for the abi tests: a copy `process` and its broken variants, allocators, a
// nearest-neighbour `resize_image`, a u32-per-byte `tokenize`.
import { ECHO_PROCESS, echoProcess } from '../../helpers/wat-plugin.js';

export const MEMORY = '(memory (export "memory") 2)';

/** A correct copy plugin: -3 with the needed size when the capacity is short. */
export const COPY = `${MEMORY} ${ECHO_PROCESS}`;

/** A copy `process` with `extra` run after the copy (locals $in $len $out $cell, and $cap:
 * the capacity on entry). */
export function copyThen(extra: string): string {
  const prelude = `
    (local $cap i32)
    (local.set $cap (i32.load (local.get $cell)))`;
  return `${MEMORY} ${echoProcess({ prelude, extra })}`;
}

export const WRITES_PAST_OUTPUT = copyThen(
  '(i32.store8 (i32.add (local.get $out) (local.get $cap)) (i32.const 0))',
);
export const WRITES_BEFORE_OUTPUT = copyThen(
  '(i32.store8 (i32.sub (local.get $out) (i32.const 1)) (i32.const 0))',
);
export const MODIFIES_INPUT = copyThen(
  '(i32.store8 (local.get $in) (i32.xor (i32.load8_u (local.get $in)) (i32.const 0xff)))',
);
export const TRAPS = copyThen('unreachable');

/** Needs `factor` output bytes per input byte, filled with 'x'. */
export function expander(factor: number): string {
  return `${MEMORY}
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (i32.mul (local.get $len) (i32.const ${factor})))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (memory.fill (local.get $out) (i32.const 0x78) (local.get $need))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))`;
}

/** Asks for `*cell + more` every time: a probe can never satisfy it. */
export function greedy(more: number): string {
  return `${MEMORY}
  (func (export "process") (param i32 i32 i32) (param $cell i32) (result i32)
    (i32.store (local.get $cell) (i32.add (i32.load (local.get $cell)) (i32.const ${more})))
    (i32.const -3))`;
}

/** One u32 id per input byte (the byte's value): a capacity-cell export of 4-byte elements. */
export const TOKENIZE = `${MEMORY}
  (func (export "tokenize") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store
          (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))`;

/** Nearest-neighbour resize of RGB8 pixels, sizes from ResizeParams; `extra` runs at the end. */
export function resize(extra = ''): string {
  return `${MEMORY}
  (func (export "resize_image") (param $in i32) (param $p i32) (param $out i32) (result i32)
    (local $sw i32) (local $sh i32) (local $dw i32) (local $dh i32)
    (local $x i32) (local $y i32) (local $src i32) (local $dst i32)
    (local.set $sw (i32.load (local.get $p)))
    (local.set $sh (i32.load offset=4 (local.get $p)))
    (local.set $dw (i32.load offset=8 (local.get $p)))
    (local.set $dh (i32.load offset=12 (local.get $p)))
    (if (i32.or (i32.eqz (local.get $sw)) (i32.eqz (local.get $sh)))
      (then (return (i32.const -1))))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $y) (local.get $dh)))
        (local.set $x (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $x) (local.get $dw)))
            (local.set $src (i32.mul (i32.const 3) (i32.add
              (i32.mul (i32.div_u (i32.mul (local.get $y) (local.get $sh)) (local.get $dh)) (local.get $sw))
              (i32.div_u (i32.mul (local.get $x) (local.get $sw)) (local.get $dw)))))
            (local.set $dst (i32.mul (i32.const 3)
              (i32.add (i32.mul (local.get $y) (local.get $dw)) (local.get $x))))
            (memory.copy
              (i32.add (local.get $out) (local.get $dst))
              (i32.add (local.get $in) (local.get $src))
              (i32.const 3))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))
            (br $cols)))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br $rows)))
    ${extra}
    (i32.const 0))`;
}

/** A resize that writes nothing and rejects every call. */
export const RESIZE_REJECTS = `${MEMORY}
  (func (export "resize_image") (param i32 i32 i32) (result i32) (i32.const -2))`;

/**
 * A bump allocator from `start` (unaligned on purpose) with a dealloc that counts and records
 * its arguments in exported globals.
 */
export function withAllocator(plugin: string, start = 1027): string {
  return `${plugin}
  (global $next (mut i32) (i32.const ${start}))
  (global $allocs (export "allocs") (mut i32) (i32.const 0))
  (global $deallocs (export "deallocs") (mut i32) (i32.const 0))
  (global $freedPtr (export "freedPtr") (mut i32) (i32.const 0))
  (global $freedSize (export "freedSize") (mut i32) (i32.const 0))
  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $next))
    (global.set $next (i32.add (global.get $next) (local.get $size)))
    (global.set $allocs (i32.add (global.get $allocs) (i32.const 1)))
    (local.get $p))
  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (global.set $deallocs (i32.add (global.get $deallocs) (i32.const 1)))
    (global.set $freedPtr (local.get $ptr))
    (global.set $freedSize (local.get $size)))`;
}

/** An allocator whose alloc is `body` (result i32) and whose dealloc does nothing. */
export function withBadAllocator(plugin: string, body: string): string {
  return `${plugin}
  (func (export "alloc") (param i32) (result i32) ${body})
  (func (export "dealloc") (param i32 i32))`;
}

/** Grows memory by `pages` when called. */
export const GROW = (pages: number) =>
  `(func (export "grow") (result i32) (memory.grow (i32.const ${pages})))`;
