;; CORRECT-UNUSUAL: rle-decode: a narrow run-length format: pairs of a decimal count (1-9999, no
;; leading zero) and one byte that is not a digit: "3a2b" -> "aaabb", "10-" -> "----------".
;; Anything else (a count without a byte, a zero count, five digits) is -1. The empty input gives
;; the empty output. Output can be ~2000x the input. No imports; the memory declares a maximum
;; of 16384 pages (1 GiB) and there is no alloc: the host grows its own pages.
(module
  (memory (export "memory") 1 16384)
  (data (i32.const 8) "rle-decode v0.1.0\00")
  (func (export "plugin_info") (result i32) (i32.const 8))
  (func (export "plugin_version") (result i32) (i32.const 0x000100))
  ;; returns the decoded size (i64), or -1; writes when $w is 1
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $w i32) (result i64)
    (local $i i32) (local $cnt i32) (local $d i32) (local $c i32) (local $o i64)
    (block $end (loop $pair
      (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $cnt (i32.const 0)) (local.set $d (i32.const 0))
      (block $nd (loop $dig
        (br_if $nd (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (br_if $nd (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
        (if (i32.and (i32.eqz (local.get $d)) (i32.eq (local.get $c) (i32.const 48))) (then (return (i64.const -1))))
        (if (i32.ge_u (local.get $d) (i32.const 4)) (then (return (i64.const -1))))
        (local.set $cnt (i32.add (i32.mul (local.get $cnt) (i32.const 10)) (i32.sub (local.get $c) (i32.const 48))))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $dig)))
      (if (i32.eqz (local.get $d)) (then (return (i64.const -1))))
      (if (i32.ge_u (local.get $i) (local.get $n)) (then (return (i64.const -1))))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (local.get $w) (then
        (memory.fill (i32.add (local.get $out) (i32.wrap_i64 (local.get $o))) (local.get $c) (local.get $cnt))))
      (local.set $o (i64.add (local.get $o) (i64.extend_i32_u (local.get $cnt))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $pair)))
    (local.get $o))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i64)
    (local.set $need (call $run (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i64.lt_s (local.get $need) (i64.const 0)) (then (return (i32.const -1))))
    (if (i64.gt_u (local.get $need) (i64.const 0xFFFFFFFF)) (then (return (i32.const -1))))
    (if (i64.gt_u (local.get $need) (i64.extend_i32_u (i32.load (local.get $cell))))
      (then (i32.store (local.get $cell) (i32.wrap_i64 (local.get $need))) (return (i32.const -3))))
    (drop (call $run (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (i32.wrap_i64 (local.get $need)))
    (i32.const 0)))
