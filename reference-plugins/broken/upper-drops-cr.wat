;; Uppercases ASCII letters and, meaning well, drops every carriage return (CRLF -> LF), so the
;; output is shorter than the input though the author declared `length-preserving` (ZC-PROP-008).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "upper-lf v1.0.0\00")
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
        (if (i32.ne (local.get $b) (i32.const 13))
          (then
            (if (i32.and (i32.ge_u (local.get $b) (i32.const 0x61)) (i32.le_u (local.get $b) (i32.const 0x7a)))
              (then (local.set $b (i32.sub (local.get $b) (i32.const 32)))))
            (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $n)) (local.get $b))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $emit (local.get $in) (local.get $len) (i32.const 0) (i32.const 0)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (drop (call $emit (local.get $in) (local.get $len) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
