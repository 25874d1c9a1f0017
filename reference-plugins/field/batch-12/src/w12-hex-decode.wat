;; hex-decode: hex text back to bytes, for restoring blobs from logs and config files:
;;   "48656c6c6f" -> "Hello", "de ad\nBE EF" -> hex:deadbeef, "" -> "".
;; Digits of either case; ASCII whitespace (space, tab, CR, LF) may appear anywhere and is
;; skipped, also between the two digits of a pair. Any other byte, or an odd number of digits,
;; is -1. The output is digits/2 bytes; -3 names that size.
;; No imports, no heap, no state. Memory: [16, 39) info; nothing else is static.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "hex-decode v1.1.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010100))

  ;; the value of a hex digit, -1 for whitespace, -2 for anything else
  (func $digit (param $c i32) (result i32)
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 48)) (i32.le_u (local.get $c) (i32.const 57)))
      (then (return (i32.sub (local.get $c) (i32.const 48)))))
    (if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x09)))
                (i32.or (i32.eq (local.get $c) (i32.const 0x0a)) (i32.eq (local.get $c) (i32.const 0x0d))))
      (then (return (i32.const -1))))
    (local.set $c (i32.or (local.get $c) (i32.const 0x20)))
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 102)))
      (then (return (i32.sub (local.get $c) (i32.const 87)))))
    (i32.const -2))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $d i32) (local $digits i32) (local $need i32) (local $o i32) (local $hi i32)
    ;; pass 1: validate and count digits
    (block $counted (loop $scan
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $d (call $digit (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
      (if (i32.eq (local.get $d) (i32.const -2)) (then (return (i32.const -1))))
      (if (i32.ge_s (local.get $d) (i32.const 0))
        (then (local.set $digits (i32.add (local.get $digits) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (if (i32.and (local.get $digits) (i32.const 1)) (then (return (i32.const -1))))
    (local.set $need (i32.shr_u (local.get $digits) (i32.const 1)))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $out) (local.get $need))
        (return (i32.const -3))))

    ;; pass 2: decode
    (local.set $i (i32.const 0))
    (local.set $hi (i32.const -1))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $d (call $digit (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
      (if (i32.ge_s (local.get $d) (i32.const 0))
        (then
          (if (i32.lt_s (local.get $hi) (i32.const 0))
            (then (local.set $hi (local.get $d)))
            (else
              (i32.store8 (i32.add (local.get $out) (local.get $o))
                (i32.or (i32.shl (local.get $hi) (i32.const 4)) (local.get $d)))
              (local.set $o (i32.add (local.get $o) (i32.const 1)))
              (local.set $hi (i32.const -1))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0))
)
