;; dec2hex: unsigned decimal numbers, one per line, to 0x-prefixed lowercase hex lines:
;;   "255\n0\n18446744073709551615\n" -> "0xff\n0x0\n0xffffffffffffffff\n".
;; Lines end at LF; a CR before the LF is dropped and empty lines are skipped. A line must
;; be ASCII digits with a value below 2^64 (leading zeros allowed), else -1. The output is
;; "0x", the hex digits and a LF per number; -3 names its exact size.
;; The functions keep their scratch (the number being parsed, the digits being formatted)
;; in 32-byte frames on a small shadow stack, as compiled C would, so that helpers can be
;; reentrant: $sp starts at 2048 and grows down.
;; No heap, no imports. Memory: [64, 80) hex digits, [96, 112) info, [128, 2048) stack.
(module
  (memory (export "memory") 1)
  (data (i32.const 64) "0123456789abcdef")
  (data (i32.const 96) "dec2hex v1.0.3\00")
  (global $sp (mut i32) (i32.const 2048))
  (func (export "plugin_info") (result i32) (i32.const 96))
  (func (export "plugin_version") (result i32) (i32.const 0x010003))

  ;; number of hex digits of v
  (func $hexlen (param $v i64) (result i32)
    (if (i64.eqz (local.get $v)) (then (return (i32.const 1))))
    (i32.shr_u (i32.sub (i32.const 67) (i32.wrap_i64 (i64.clz (local.get $v)))) (i32.const 2)))

  ;; end of the line starting at i: the index of its LF, or n
  (func $eol (param $in i32) (param $n i32) (param $i i32) (result i32)
    (block $found (loop $look
      (br_if $found (i32.ge_u (local.get $i) (local.get $n)))
      (br_if $found (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $look)))
    (local.get $i))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $fp i32) (local $i i32) (local $e i32) (local $stop i32) (local $c i32) (local $need i64)
    (local $o i32) (local $len i32) (local $k i32) (local $v i64)
    ;; frame: [fp, fp+8) the value being parsed, [fp+16, fp+32) digit scratch
    (global.set $sp (i32.sub (global.get $sp) (i32.const 32)))
    (local.set $fp (global.get $sp))

    ;; pass 1: validate and size
    (block $sized (loop $line
      (br_if $sized (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $e (call $eol (local.get $in) (local.get $n) (local.get $i)))
      (local.set $stop (local.get $e))
      (if (i32.gt_u (local.get $stop) (local.get $i))
        (then (if (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $stop) (i32.const 1)))) (i32.const 13))
          (then (local.set $stop (i32.sub (local.get $stop) (i32.const 1)))))))
      (if (i32.gt_u (local.get $stop) (local.get $i))
        (then
          (i64.store (local.get $fp) (i64.const 0))
          (block $parsed (loop $digit
            (br_if $parsed (i32.ge_u (local.get $i) (local.get $stop)))
            (local.set $c (i32.sub (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 48)))
            (if (i32.gt_u (local.get $c) (i32.const 9)) (then (return (i32.const -1))))
            ;; v * 10 + c must stay below 2^64
            (if (i64.gt_u (i64.load (local.get $fp)) (i64.const 1844674407370955161))
              (then (return (i32.const -1))))
            (if (i32.and (i64.eq (i64.load (local.get $fp)) (i64.const 1844674407370955161))
                         (i32.gt_u (local.get $c) (i32.const 5)))
              (then (return (i32.const -1))))
            (i64.store (local.get $fp) (i64.add (i64.mul (i64.load (local.get $fp)) (i64.const 10))
                                                (i64.extend_i32_u (local.get $c))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $digit)))
          (local.set $need (i64.add (local.get $need)
            (i64.extend_i32_u (i32.add (i32.const 3) (call $hexlen (i64.load (local.get $fp)))))))))
      (local.set $i (i32.add (local.get $e) (i32.const 1)))
      (br $line)))
    (if (i64.gt_u (local.get $need) (i64.extend_i32_u (i32.load align=1 (local.get $cell))))
      (then
        (i32.store align=1 (local.get $cell) (i32.wrap_i64 (local.get $need)))
        (global.set $sp (i32.add (global.get $sp) (i32.const 32)))
        (return (i32.const -3))))

    ;; pass 2: write
    (local.set $i (i32.const 0))
    (block $done (loop $line2
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $e (call $eol (local.get $in) (local.get $n) (local.get $i)))
      (local.set $stop (local.get $e))
      (if (i32.gt_u (local.get $stop) (local.get $i))
        (then (if (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $stop) (i32.const 1)))) (i32.const 13))
          (then (local.set $stop (i32.sub (local.get $stop) (i32.const 1)))))))
      (if (i32.gt_u (local.get $stop) (local.get $i))
        (then
          (local.set $v (i64.const 0))
          (block $parsed2 (loop $digit2
            (br_if $parsed2 (i32.ge_u (local.get $i) (local.get $stop)))
            (local.set $v (i64.add (i64.mul (local.get $v) (i64.const 10))
              (i64.extend_i32_u (i32.sub (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 48)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $digit2)))
          ;; the digits, backwards into the frame's scratch
          (local.set $len (call $hexlen (local.get $v)))
          (local.set $k (i32.add (local.get $fp) (i32.const 32)))
          (loop $hex
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (i32.store8 (local.get $k)
              (i32.load8_u (i32.add (i32.const 64) (i32.wrap_i64 (i64.and (local.get $v) (i64.const 15))))))
            (local.set $v (i64.shr_u (local.get $v) (i64.const 4)))
            (br_if $hex (i64.ne (local.get $v) (i64.const 0))))
          (i32.store16 align=1 (i32.add (local.get $out) (local.get $o)) (i32.const 0x7830)) ;; "0x"
          (memory.copy (i32.add (local.get $out) (i32.add (local.get $o) (i32.const 2)))
                       (local.get $k) (local.get $len))
          (local.set $o (i32.add (local.get $o) (i32.add (local.get $len) (i32.const 2))))
          (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (local.set $i (i32.add (local.get $e) (i32.const 1)))
      (br $line2)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (global.set $sp (i32.add (global.get $sp) (i32.const 32)))
    (i32.const 0))
)
