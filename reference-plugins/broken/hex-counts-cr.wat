;; A hex decoder for dumps wrapped at any width: pairs of hex digits (either case), with line
;; breaks anywhere between pairs; anything else is -1. The size pass skips only LF when it
;; counts digits, the decoding pass skips CR and LF alike: with CRLF line breaks, each CR
;; counts as half a byte, so *output_len is larger than what was decoded and the tail it
;; reports is whatever the output buffer held.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "hex-decode v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func $nibble (param $c i32) (result i32)
    (if (i32.le_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 9))
      (then (return (i32.sub (local.get $c) (i32.const 0x30)))))
    (local.set $c (i32.or (local.get $c) (i32.const 0x20)))
    (if (i32.le_u (i32.sub (local.get $c) (i32.const 0x61)) (i32.const 5))
      (then (return (i32.sub (local.get $c) (i32.const 0x57)))))
    (i32.const -1))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $digits i32) (local $size i32) (local $o i32) (local $hi i32) (local $half i32)
    ;; Size pass: count the digits, skipping line breaks (LF).
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (i32.ne (local.get $c) (i32.const 0x0a))
          (then
            (if (i32.and (i32.ne (local.get $c) (i32.const 0x0d)) (i32.lt_s (call $nibble (local.get $c)) (i32.const 0)))
              (then (return (i32.const -1))))
            (local.set $digits (i32.add (local.get $digits) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $count)))
    (if (i32.and (local.get $digits) (i32.const 1)) (then (return (i32.const -1))))
    (local.set $size (i32.shr_u (local.get $digits) (i32.const 1)))
    (if (i32.gt_u (local.get $size) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $size))
        (return (i32.const -3))))
    ;; Decoding pass: line breaks (CR, LF) skipped.
    (local.set $i (i32.const 0))
    (block $done
      (loop $decode
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $decode (i32.or (i32.eq (local.get $c) (i32.const 0x0a)) (i32.eq (local.get $c) (i32.const 0x0d))))
        (if (local.get $half)
          (then
            (if (i32.lt_u (local.get $o) (local.get $size))
              (then
                (i32.store8 (i32.add (local.get $out) (local.get $o))
                  (i32.or (i32.shl (local.get $hi) (i32.const 4)) (call $nibble (local.get $c))))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (local.set $half (i32.const 0)))
          (else
            (local.set $hi (call $nibble (local.get $c)))
            (local.set $half (i32.const 1))))
        (br $decode)))
    (i32.store align=1 (local.get $cell) (local.get $size))
    (i32.const 0)))
