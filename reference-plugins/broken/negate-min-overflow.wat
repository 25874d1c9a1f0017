;; Normalises one decimal integer ("+007" -> "7", "-0012" -> "-12"; anything but an optional
;; sign and 1 to 19 digits, or a value outside i64, is -1). The size pass takes the magnitude as -v in i64 and counts
;; its digits while it is above zero: for -9223372036854775808, -v is itself, so it counts one
;; digit and sizes the output as 2 bytes, then writes the 19 digits of the unsigned magnitude
;; backwards from there, before the output buffer. Every other value is right.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "int-normalize v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $neg i32) (local $c i32) (local $v i64) (local $m i64)
    (local $digits i32) (local $size i32) (local $at i32)
    (if (i32.eqz (local.get $len)) (then (return (i32.const -1))))
    (local.set $c (i32.load8_u (local.get $in)))
    (if (i32.or (i32.eq (local.get $c) (i32.const 0x2d)) (i32.eq (local.get $c) (i32.const 0x2b)))
      (then
        (local.set $neg (i32.eq (local.get $c) (i32.const 0x2d)))
        (local.set $i (i32.const 1))))
    (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const -1))))
    (if (i32.gt_u (i32.sub (local.get $len) (local.get $i)) (i32.const 19)) (then (return (i32.const -1))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.sub (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0x30)))
        (if (i32.gt_u (local.get $c) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $v (i64.add (i64.mul (local.get $v) (i64.const 10)) (i64.extend_i32_u (local.get $c))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    ;; In range: at most 2^63 - 1, or 2^63 with a minus sign (19 digits stay below 2^64).
    (if (i64.gt_u (local.get $v) (i64.const 0x8000000000000000)) (then (return (i32.const -1))))
    (if (i32.and (i64.eq (local.get $v) (i64.const 0x8000000000000000)) (i32.eqz (local.get $neg)))
      (then (return (i32.const -1))))
    (if (local.get $neg) (then (local.set $v (i64.sub (i64.const 0) (local.get $v)))))
    (if (i64.eqz (local.get $v)) (then (local.set $neg (i32.const 0))))
    ;; Size: the sign, then the digits of the magnitude.
    (local.set $m (local.get $v))
    (if (i64.lt_s (local.get $m) (i64.const 0)) (then (local.set $m (i64.sub (i64.const 0) (local.get $m)))))
    (local.set $digits (i32.const 1))
    (block $counted
      (loop $count
        (br_if $counted (i64.lt_s (local.get $m) (i64.const 10)))
        (local.set $m (i64.div_s (local.get $m) (i64.const 10)))
        (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
        (br $count)))
    (local.set $size (i32.add (local.get $digits) (local.get $neg)))
    (if (i32.gt_u (local.get $size) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $size))
        (return (i32.const -3))))
    ;; Write: the sign, then the digits from the end, of the unsigned magnitude.
    (if (local.get $neg) (then (i32.store8 (local.get $out) (i32.const 0x2d))))
    (local.set $m (local.get $v))
    (if (i64.lt_s (local.get $m) (i64.const 0)) (then (local.set $m (i64.sub (i64.const 0) (local.get $m)))))
    (local.set $at (i32.add (local.get $out) (local.get $size)))
    (loop $write
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i32.store8 (local.get $at) (i32.add (i32.const 0x30) (i32.wrap_i64 (i64.rem_u (local.get $m) (i64.const 10)))))
      (local.set $m (i64.div_u (local.get $m) (i64.const 10)))
      (br_if $write (i64.ne (local.get $m) (i64.const 0))))
    (i32.store align=1 (local.get $cell) (local.get $size))
    (i32.const 0)))
