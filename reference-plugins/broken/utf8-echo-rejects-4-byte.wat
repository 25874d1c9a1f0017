;; Passes text through after a "validation" that allows only 1- to 3-byte UTF-8 sequences: any
;; lead byte 0xF0 or above is -1, so emoji and supplementary CJK, valid UTF-8, are rejected.
;; Declared `accepts: utf8` catches it (ZC-PROP-005).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "bmp-echo v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  ;; Writes the output when $write is 1; returns its length either way (one pass to measure,
  ;; one to write, so the capacity is checked before any byte is written).
  (func $emit (param $in i32) (param $len i32) (param $out i32) (param $write i32) (result i32)
    (local $i i32) (local $n i32) (local $b i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $n)) (local.get $b))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local $i i32)
    (block $ok
      (loop $scan
        (br_if $ok (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.ge_u (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0xf0))
          (then (return (i32.const -1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (local.set $need (call $emit (local.get $in) (local.get $len) (i32.const 0) (i32.const 0)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (drop (call $emit (local.get $in) (local.get $len) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
