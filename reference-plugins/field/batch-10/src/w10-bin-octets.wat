;; bin-octets: writes every input byte as its 8 binary digits, most significant bit first,
;; the bytes separated by one space and the whole line ended by a LF, for bit-level
;; inspection of binary fields:  "Zen" -> "01011010 01100101 01101110\n".
;; Any bytes are accepted; the empty input gives the empty output. The output is exactly
;; 9 bytes per input byte; -3 names 9 * n.
;; Sizes are kept in i64: 9 * n passes 2^32 for inputs over 477 MB, and an i64 cannot wrap.
;; No heap, no imports: the host grows memory for its buffers.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "bin-octets v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i64) (local $i i32) (local $o i32) (local $b i32) (local $k i32)
    (local.set $need (i64.mul (i64.extend_i32_u (local.get $n)) (i64.const 9)))
    ;; the needed size must fit the u32 cell to be reported
    (if (i64.gt_u (local.get $need) (i64.const 0xffffffff)) (then (return (i32.const -1))))
    (if (i64.gt_u (local.get $need) (i64.extend_i32_u (i32.load align=1 (local.get $cell))))
      (then
        (i64.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (block $done (loop $bytes
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (local.set $k (i32.const 7))
      (loop $bits
        (i32.store8 (i32.add (local.get $out) (local.get $o))
          (i32.add (i32.const 48) (i32.and (i32.shr_u (local.get $b) (local.get $k)) (i32.const 1))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br_if $bits (i32.ge_s (local.get $k) (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      ;; a space between bytes, a LF after the last one
      (i32.store8 (i32.add (local.get $out) (local.get $o))
        (select (i32.const 10) (i32.const 32) (i32.eq (local.get $i) (local.get $n))))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (br $bytes)))
    (i64.store align=1 (local.get $cell) (local.get $need))
    (i32.const 0))
)
