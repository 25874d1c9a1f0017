// Plugins with a narrow front door, for the input-generation tests: each echoes its input
// (0) only when the input passes its gate, and returns -1 otherwise. Written in WAT so that
// the tests need no toolchain.
import { ECHO_TAIL, PROCESS_HEAD, watPlugin } from './wat-plugin.js';

const watString = (bytes: Uint8Array): string =>
  [...bytes].map((byte) => `\\${byte.toString(16).padStart(2, '0')}`).join('');

/** Accepts only input that starts with `magic`, which sits in its data section at 1024. */
export function magicPrefixPlugin(magic: string): string {
  const bytes = new TextEncoder().encode(magic);
  return watPlugin({
    exports: {
      process: `${PROCESS_HEAD}
    (local $i i32)
    (if (i32.lt_u (local.get $len) (i32.const ${bytes.length})) (then (return (i32.const -1))))
    (loop $next
      (if (i32.ne
            (i32.load8_u (i32.add (local.get $in) (local.get $i)))
            (i32.load8_u (i32.add (i32.const 1024) (local.get $i))))
        (then (return (i32.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const ${bytes.length}))))
    ${ECHO_TAIL})`,
    },
    extra: `(data (i32.const 1024) "${watString(bytes)}")`,
  });
}

/**
 * Accepts only input that starts with these 16 bytes, compared one at a time against
 * immediates (nothing of the header is in its data), as a hand-written parser does.
 */
export function headerPlugin(header: Uint8Array): string {
  const compares = [...header]
    .map(
      (byte, at) =>
        `(if (i32.ne (i32.load8_u offset=${at} (local.get $in)) (i32.const ${byte})) (then (return (i32.const -1))))`,
    )
    .join('\n    ');
  return watPlugin({
    exports: {
      process: `${PROCESS_HEAD}
    (if (i32.lt_u (local.get $len) (i32.const ${header.length})) (then (return (i32.const -1))))
    ${compares}
    ${ECHO_TAIL})`,
    },
  });
}

/**
 * Accepts only input that is one JSON value (RFC 8259, nested at most 64 deep) with optional
 * whitespace around it: a recursive-descent validator. `true`, `false` and `null` are in its
 * data section, as a compiled parser's literals would be.
 */
export const JSON_PLUGIN = watPlugin({
  exports: {
    process: `${PROCESS_HEAD}
    (global.set $p (local.get $in))
    (global.set $end (i32.add (local.get $in) (local.get $len)))
    (if (i32.eqz (call $value (i32.const 0))) (then (return (i32.const -1))))
    (call $ws)
    (if (i32.ne (global.get $p) (global.get $end)) (then (return (i32.const -1))))
    ${ECHO_TAIL})`,
  },
  extra: `
  (global $p (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (data (i32.const 2048) "true")
  (data (i32.const 2056) "false")
  (data (i32.const 2064) "null")
  (func $peek (result i32)
    (if (result i32) (i32.lt_u (global.get $p) (global.get $end))
      (then (i32.load8_u (global.get $p)))
      (else (i32.const -1))))
  (func $bump (global.set $p (i32.add (global.get $p) (i32.const 1))))
  (func $ws
    (local $c i32)
    (block $done
      (loop $next
        (local.set $c (call $peek))
        (br_if $done
          (i32.eqz
            (i32.or
              (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 9)))
              (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13))))))
        (call $bump)
        (br $next))))
  (func $digit (param $c i32) (result i32)
    (i32.and (i32.ge_s (local.get $c) (i32.const 48)) (i32.le_s (local.get $c) (i32.const 57))))
  (func $hex (param $c i32) (result i32)
    (i32.or (call $digit (local.get $c))
      (i32.or
        (i32.and (i32.ge_s (local.get $c) (i32.const 97)) (i32.le_s (local.get $c) (i32.const 102)))
        (i32.and (i32.ge_s (local.get $c) (i32.const 65)) (i32.le_s (local.get $c) (i32.const 70))))))
  (func $digits (result i32)
    (if (i32.eqz (call $digit (call $peek))) (then (return (i32.const 0))))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (call $digit (call $peek))))
        (call $bump)
        (br $next)))
    (i32.const 1))
  (func $number (result i32)
    (local $c i32)
    (if (i32.eq (call $peek) (i32.const 45)) (then (call $bump)))
    (if (i32.eq (call $peek) (i32.const 48))
      (then (call $bump))
      (else (if (i32.eqz (call $digits)) (then (return (i32.const 0))))))
    (if (i32.eq (call $peek) (i32.const 46))
      (then
        (call $bump)
        (if (i32.eqz (call $digits)) (then (return (i32.const 0))))))
    (local.set $c (call $peek))
    (if (i32.or (i32.eq (local.get $c) (i32.const 101)) (i32.eq (local.get $c) (i32.const 69)))
      (then
        (call $bump)
        (local.set $c (call $peek))
        (if (i32.or (i32.eq (local.get $c) (i32.const 43)) (i32.eq (local.get $c) (i32.const 45)))
          (then (call $bump)))
        (if (i32.eqz (call $digits)) (then (return (i32.const 0))))))
    (i32.const 1))
  (func $escape (param $c i32) (result i32)
    (i32.or
      (i32.or
        (i32.or (i32.eq (local.get $c) (i32.const 34)) (i32.eq (local.get $c) (i32.const 92)))
        (i32.or (i32.eq (local.get $c) (i32.const 47)) (i32.eq (local.get $c) (i32.const 98))))
      (i32.or
        (i32.or (i32.eq (local.get $c) (i32.const 102)) (i32.eq (local.get $c) (i32.const 110)))
        (i32.or (i32.eq (local.get $c) (i32.const 114)) (i32.eq (local.get $c) (i32.const 116))))))
  (func $string (result i32)
    (local $c i32)
    (local $k i32)
    (if (i32.ne (call $peek) (i32.const 34)) (then (return (i32.const 0))))
    (call $bump)
    (loop $next
      (local.set $c (call $peek))
      ;; a control character, or the end of the input (-1)
      (if (i32.lt_s (local.get $c) (i32.const 32)) (then (return (i32.const 0))))
      (call $bump)
      (if (i32.eq (local.get $c) (i32.const 34)) (then (return (i32.const 1))))
      (if (i32.eq (local.get $c) (i32.const 92))
        (then
          (local.set $c (call $peek))
          (call $bump)
          (if (i32.eq (local.get $c) (i32.const 117))
            (then
              (local.set $k (i32.const 0))
              (loop $hexes
                (if (i32.eqz (call $hex (call $peek))) (then (return (i32.const 0))))
                (call $bump)
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br_if $hexes (i32.lt_u (local.get $k) (i32.const 4)))))
            (else
              (if (i32.eqz (call $escape (local.get $c))) (then (return (i32.const 0))))))))
      (br $next))
    (i32.const 0))
  (func $literal (param $at i32) (param $n i32) (result i32)
    (local $i i32)
    (loop $next
      (if (i32.ne (call $peek) (i32.load8_u (i32.add (local.get $at) (local.get $i))))
        (then (return (i32.const 0))))
      (call $bump)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
    (i32.const 1))
  (func $value (param $depth i32) (result i32)
    (local $c i32)
    (if (i32.gt_u (local.get $depth) (i32.const 64)) (then (return (i32.const 0))))
    (call $ws)
    (local.set $c (call $peek))
    (if (i32.eq (local.get $c) (i32.const 123)) (then (return (call $object (local.get $depth)))))
    (if (i32.eq (local.get $c) (i32.const 91)) (then (return (call $array (local.get $depth)))))
    (if (i32.eq (local.get $c) (i32.const 34)) (then (return (call $string))))
    (if (i32.eq (local.get $c) (i32.const 116))
      (then (return (call $literal (i32.const 2048) (i32.const 4)))))
    (if (i32.eq (local.get $c) (i32.const 102))
      (then (return (call $literal (i32.const 2056) (i32.const 5)))))
    (if (i32.eq (local.get $c) (i32.const 110))
      (then (return (call $literal (i32.const 2064) (i32.const 4)))))
    (if (i32.or (i32.eq (local.get $c) (i32.const 45)) (call $digit (local.get $c)))
      (then (return (call $number))))
    (i32.const 0))
  (func $object (param $depth i32) (result i32)
    (call $bump)
    (call $ws)
    (if (i32.eq (call $peek) (i32.const 125)) (then (call $bump) (return (i32.const 1))))
    (loop $member
      (call $ws)
      (if (i32.eqz (call $string)) (then (return (i32.const 0))))
      (call $ws)
      (if (i32.ne (call $peek) (i32.const 58)) (then (return (i32.const 0))))
      (call $bump)
      (if (i32.eqz (call $value (i32.add (local.get $depth) (i32.const 1))))
        (then (return (i32.const 0))))
      (call $ws)
      (if (i32.eq (call $peek) (i32.const 44)) (then (call $bump) (br $member))))
    (if (i32.ne (call $peek) (i32.const 125)) (then (return (i32.const 0))))
    (call $bump)
    (i32.const 1))
  (func $array (param $depth i32) (result i32)
    (call $bump)
    (call $ws)
    (if (i32.eq (call $peek) (i32.const 93)) (then (call $bump) (return (i32.const 1))))
    (loop $item
      (if (i32.eqz (call $value (i32.add (local.get $depth) (i32.const 1))))
        (then (return (i32.const 0))))
      (call $ws)
      (if (i32.eq (call $peek) (i32.const 44)) (then (call $bump) (br $item))))
    (if (i32.ne (call $peek) (i32.const 93)) (then (return (i32.const 0))))
    (call $bump)
    (i32.const 1))`,
});
