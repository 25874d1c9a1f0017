;; nbsp2sp: replaces the no-break spaces of UTF-8 text, U+00A0 (c2 a0) and U+202F
;; (e2 80 af), with an ASCII space, so that later whitespace splitting and trimming see them:
;; "10\u00a0km" -> "10 km". Every other byte is copied as it is (no UTF-8 validation: any
;; input is accepted). The output is never longer than the input. Announces itself on the
;; host log when the module is loaded. No heap.
(module
  (import "env" "host_log" (func $host_log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "nbsp2sp v1.0.0\00")
  (data (i32.const 48) "nbsp2sp v1.0.0 loaded")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func $loaded (call $host_log (i32.const 48) (i32.const 21)))
  (start $loaded)

  ;; Copies in[0..n) to out with the no-break spaces replaced when $w is set; returns the
  ;; output size.
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $w i32) (result i32)
    (local $i i32) (local $o i32) (local $c i32) (local $skip i32) (local $rest i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (local.set $rest (i32.sub (local.get $n) (local.get $i)))
      (local.set $skip (i32.const 1))
      (if (i32.and (i32.eq (local.get $c) (i32.const 0xc2)) (i32.ge_u (local.get $rest) (i32.const 2)))
        (then
          (if (i32.eq (i32.load8_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 1))) (i32.const 0xa0))
            (then (local.set $c (i32.const 32)) (local.set $skip (i32.const 2))))))
      (if (i32.and (i32.eq (local.get $c) (i32.const 0xe2)) (i32.ge_u (local.get $rest) (i32.const 3)))
        (then
          (if (i32.eq (i32.load16_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 1))) (i32.const 0xaf80))
            (then (local.set $c (i32.const 32)) (local.set $skip (i32.const 3))))))
      (if (local.get $w) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $c))))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (local.get $skip)))
      (br $next)))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $run (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (drop (call $run (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
