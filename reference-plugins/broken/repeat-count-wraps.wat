;; "N#text" -> text repeated N times, the way a C author writes it: the room needed is
;; count * length in 32 bits, checked against the capacity, then the copies are made. When the
;; product passes 2^32 it wraps to a small number, the check passes, and the copies run far
;; past the buffer (429496730#0123456789 needs 2^32 + 4 bytes and is told 4).
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "repeat-hash v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $count i32) (local $byte i32) (local $text i32) (local $tlen i32)
    (local $need i32) (local $k i32)
    (block $parsed
      (loop $digit
        (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const -1))))
        (local.set $byte (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (br_if $parsed (i32.eq (local.get $byte) (i32.const 0x23)))
        (if (i32.gt_u (i32.sub (local.get $byte) (i32.const 0x30)) (i32.const 9))
          (then (return (i32.const -1))))
        (if (i32.ge_u (local.get $i) (i32.const 10)) (then (return (i32.const -1))))
        (local.set $count (i32.add (i32.mul (local.get $count) (i32.const 10))
          (i32.sub (local.get $byte) (i32.const 0x30))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $digit)))
    (if (i32.eqz (local.get $i)) (then (return (i32.const -1))))
    (local.set $text (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 1))))
    (local.set $tlen (i32.sub (local.get $len) (i32.add (local.get $i) (i32.const 1))))
    (if (i32.or (i32.eqz (local.get $count)) (i32.eqz (local.get $tlen)))
      (then
        (i32.store align=1 (local.get $cell) (i32.const 0))
        (return (i32.const 0))))
    (local.set $need (i32.mul (local.get $count) (local.get $tlen)))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (block $done
      (loop $copy
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (memory.copy (i32.add (local.get $out) (i32.mul (local.get $k) (local.get $tlen)))
          (local.get $text) (local.get $tlen))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $copy)))
    (i32.store align=1 (local.get $cell) (local.get $need))
    (i32.const 0)))
