;; sum-u32le: sums a packed array of little-endian u32 values (sensor counters, histogram
;; bins dumped as raw words) and writes the total as unsigned decimal and LF:
;; 01 00 00 00 02 00 00 00 -> "3\n". The total is kept in 64 bits, which 1 MiB of words
;; cannot overflow. The input length must be a multiple of 4 (-1 otherwise); the empty input
;; sums to "0\n". No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "sum-u32le v1.0.0\00")
  ;; [64, 84): scratch for the 20 digits of a u64, filled from the end
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $sum i64) (local $p i32) (local $len i32) (local $k i32)
    (if (i32.and (local.get $n) (i32.const 3)) (then (return (i32.const -1))))
    (block $done (loop $word
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $sum (i64.add (local.get $sum)
        (i64.extend_i32_s (i32.load (i32.add (local.get $in) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $word)))
    ;; digits, least significant first, backwards from 84
    (local.set $p (i32.const 84))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $sum) (i64.const 10)))))
      (local.set $sum (i64.div_u (local.get $sum) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $sum) (i64.const 0))))
    (local.set $len (i32.add (i32.sub (i32.const 84) (local.get $p)) (i32.const 1)))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (block $copied (loop $copy
      (br_if $copied (i32.ge_u (local.get $k) (i32.sub (local.get $len) (i32.const 1))))
      (i32.store8 (i32.add (local.get $out) (local.get $k)) (i32.load8_u (i32.add (local.get $p) (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $copy)))
    (i32.store8 (i32.add (local.get $out) (local.get $k)) (i32.const 10))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
