;; fold -w in a plugin: the first line is a width, checked to be a non-zero u32, then kept in 16
;; bits ("terminal columns"). 65536 passes the check and becomes 0, and sizing the output
;; divides by it: a trap. The rest of the input is echoed with a line feed after every `width`
;; bytes. Only a header that wraps in 16 bits shows it (ZC-CALL-002).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-fold v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $width i32) (local $body i32) (local $need i32) (local $o i32) (local $col i32)
    ;; parse digits up to the line feed
    (block $parsed
      (loop $digits
        (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const -1))))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $parsed (i32.eq (local.get $c) (i32.const 10)))
        (if (i32.or (i32.lt_u (local.get $c) (i32.const 48)) (i32.gt_u (local.get $c) (i32.const 57)))
          (then (return (i32.const -1))))
        (if (i32.gt_u (local.get $width) (i32.const 400000000)) (then (return (i32.const -1))))
        (local.set $width (i32.add (i32.mul (local.get $width) (i32.const 10)) (i32.sub (local.get $c) (i32.const 48))))
        (br $digits)))
    (if (i32.eqz (local.get $width)) (then (return (i32.const -1))))
    (local.set $width (i32.and (local.get $width) (i32.const 0xffff)))
    (local.set $body (i32.sub (local.get $len) (local.get $i)))
    ;; the body, plus a line feed after every full `width` bytes
    (local.set $need (i32.add (local.get $body) (i32.div_u (local.get $body) (local.get $width))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (block $end
      (loop $copy
        (br_if $end (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $col (i32.add (local.get $col) (i32.const 1)))
        (if (i32.eq (local.get $col) (local.get $width))
          (then
            (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (local.set $col (i32.const 0))))
        (br $copy)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
