;; CORRECT-UNUSUAL: thousands: one decimal integer (optional '-', 1-18 digits, no leading zero
;; except "0" itself, no "-0") -> the same with ',' every three digits: "-1234567" -> "-1,234,567".
;; Everything else, the empty input included, is -1. No imports, no heap, no data but the info.
(module
  (memory (export "memory") 1)
  (data (i32.const 256) "thousands v2.1.0\00")
  (func (export "plugin_info") (result i32) (i32.const 256))
  (func (export "plugin_version") (result i32) (i32.const 0x020100))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $neg i32) (local $d i32) (local $i i32) (local $c i32) (local $need i32) (local $o i32) (local $k i32)
    (if (i32.eqz (local.get $n)) (then (return (i32.const -1))))
    (local.set $neg (i32.eq (i32.load8_u (local.get $in)) (i32.const 45)))
    (local.set $d (i32.sub (local.get $n) (local.get $neg)))
    (if (i32.or (i32.eqz (local.get $d)) (i32.gt_u (local.get $d) (i32.const 18))) (then (return (i32.const -1))))
    (local.set $i (local.get $neg))
    (block $v (loop $l
      (br_if $v (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)) (then (return (i32.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    ;; leading zero: only "0" itself, and not "-0"
    (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $neg))) (i32.const 48))
      (then (if (i32.or (i32.gt_u (local.get $d) (i32.const 1)) (local.get $neg)) (then (return (i32.const -1))))))
    (local.set $need (i32.add (local.get $n) (i32.div_u (i32.sub (local.get $d) (i32.const 1)) (i32.const 3))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (if (local.get $neg) (then (i32.store8 (local.get $out) (i32.const 45)) (local.set $o (i32.const 1))))
    (local.set $k (i32.const 0))
    (block $w (loop $l2
      (br_if $w (i32.ge_u (local.get $k) (local.get $d)))
      (if (i32.and (i32.gt_u (local.get $k) (i32.const 0)) (i32.eqz (i32.rem_u (i32.sub (local.get $d) (local.get $k)) (i32.const 3))))
        (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 44)) (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $neg) (local.get $k)))))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l2)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0)))
