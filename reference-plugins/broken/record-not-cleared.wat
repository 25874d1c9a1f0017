;; Fixed-width records: "name,count" (a name of 1 to 16 bytes, a comma, a count of 1 to 8
;; bytes; neither holds a comma or a newline; anything else is -1) becomes a 24-byte record, the
;; name left-aligned in 16 columns and the count right-aligned in 8. The name is copied into a static scratch record that is filled with spaces once, at
;; the first call, and never cleared again: after a longer name, a shorter one keeps the
;; longer one's tail ("pineapple,3" then "fig,1" gives "figeapple       " for the name).
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "fixed-width v1.0.0\00")
  ;; The scratch record: 24 bytes at 64.
  (global $ready (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func $field (param $c i32) (result i32)
    (i32.and (i32.ne (local.get $c) (i32.const 0x2c)) (i32.ne (local.get $c) (i32.const 0x0a))))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $comma i32) (local $digits i32) (local $j i32)
    ;; The name: 1 to 16 bytes, then a comma.
    (block $end
      (loop $scan
        (br_if $end (i32.ge_u (local.get $i) (local.get $len)))
        (br_if $end (i32.eqz (call $field (i32.load8_u (i32.add (local.get $in) (local.get $i))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (if (i32.or (i32.eqz (local.get $i)) (i32.gt_u (local.get $i) (i32.const 16))) (then (return (i32.const -1))))
    (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const -1))))
    (if (i32.ne (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0x2c)) (then (return (i32.const -1))))
    (local.set $comma (local.get $i))
    ;; The count: 1 to 8 bytes, to the end.
    (local.set $digits (i32.sub (i32.sub (local.get $len) (local.get $comma)) (i32.const 1)))
    (if (i32.or (i32.eqz (local.get $digits)) (i32.gt_u (local.get $digits) (i32.const 8))) (then (return (i32.const -1))))
    (local.set $j (i32.add (local.get $comma) (i32.const 1)))
    (block $ok
      (loop $check
        (br_if $ok (i32.ge_u (local.get $j) (local.get $len)))
        (if (i32.eqz (call $field (i32.load8_u (i32.add (local.get $in) (local.get $j))))) (then (return (i32.const -1))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $check)))
    (if (i32.lt_u (i32.load align=1 (local.get $cell)) (i32.const 24))
      (then
        (i32.store align=1 (local.get $cell) (i32.const 24))
        (return (i32.const -3))))
    (if (i32.eqz (global.get $ready))
      (then
        (memory.fill (i32.const 64) (i32.const 0x20) (i32.const 24))
        (global.set $ready (i32.const 1))))
    (memory.copy (i32.const 64) (local.get $in) (local.get $comma))
    ;; The count, right-aligned: spaces, then its bytes.
    (memory.fill (i32.const 80) (i32.const 0x20) (i32.const 8))
    (memory.copy (i32.sub (i32.const 88) (local.get $digits)) (i32.add (local.get $in) (i32.add (local.get $comma) (i32.const 1))) (local.get $digits))
    (memory.copy (local.get $out) (i32.const 64) (i32.const 24))
    (i32.store align=1 (local.get $cell) (i32.const 24))
    (i32.const 0)))
