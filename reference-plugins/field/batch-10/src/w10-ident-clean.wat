;; ident-clean: turns arbitrary labels (one per line) into safe identifiers for column or
;; feature names: every byte that is not an ASCII letter, digit or '_' becomes '_', line
;; feeds are kept:  "total price (EUR)\nq-1\n" -> "total_price__EUR_\nq_1\n".
;; Multi-byte UTF-8 characters become one '_' per byte. Any input is accepted; the output
;; is exactly as long as the input (-3 names n). No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "ident-clean v1.2.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010200))

  ;; 1 when c may stay as it is
  (func $keep (param $c i32) (result i32)
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 0x41))       ;; 'A'
                 (i32.le_u (local.get $c) (i32.const 0x7a)))      ;; 'z'
      (then (return (i32.const 1))))
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 0x30))       ;; '0'
                 (i32.le_u (local.get $c) (i32.const 0x39)))      ;; '9'
      (then (return (i32.const 1))))
    (i32.or (i32.eq (local.get $c) (i32.const 0x5f))              ;; '_'
            (i32.eq (local.get $c) (i32.const 0x0a))))            ;; LF

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32)
    (if (i32.gt_u (local.get $n) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $n))
        (return (i32.const -3))))
    (block $done (loop $map
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (i32.store8 (i32.add (local.get $out) (local.get $i))
        (select (local.get $c) (i32.const 0x5f) (call $keep (local.get $c))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $map)))
    (i32.store align=1 (local.get $cell) (local.get $n))
    (i32.const 0))
)
