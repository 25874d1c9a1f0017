;; Lower-cases "İ" (U+0130, 2 bytes) to "i̇" (i and U+0307, 3 bytes) and copies every other byte,
;; but checks the room against the input's length, as if lower-casing kept it: with a capacity
;; at least the input's length and below the output's, it writes past the buffer and names
;; more than the capacity. Generated text holds U+0130 about once in two thousand 2-byte
;; characters; the spec's edge input "İȺ", one byte short of its output, holds it.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "lower-i v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  ;; Whether input[i..] starts with C4 B0.
  (func $dotted (param $in i32) (param $len i32) (param $i i32) (result i32)
    (if (result i32) (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $len))
      (then (i32.eq (i32.load16_u align=1 (i32.add (local.get $in) (local.get $i))) (i32.const 0xb0c4)))
      (else (i32.const 0))))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $o i32) (local $needed i32)
    ;; The needed size, for -3: one more byte per "İ".
    (local.set $needed (local.get $len))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $i) (local.get $len)))
        (if (call $dotted (local.get $in) (local.get $len) (local.get $i))
          (then (local.set $needed (i32.add (local.get $needed) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $count)))
    ;; The bug: the room is checked against the input's length, not the needed size.
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $needed))
        (return (i32.const -3))))
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (call $dotted (local.get $in) (local.get $len) (local.get $i))
          (then
            (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 0x69))
            (i32.store16 align=1 (i32.add (i32.add (local.get $out) (local.get $o)) (i32.const 1)) (i32.const 0x87cc))
            (local.set $o (i32.add (local.get $o) (i32.const 3)))
            (local.set $i (i32.add (local.get $i) (i32.const 2))))
          (else
            (i32.store8 (i32.add (local.get $out) (local.get $o))
              (i32.load8_u (i32.add (local.get $in) (local.get $i))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (br $next)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0)))
