;; adler32: the Adler-32 checksum (RFC 1950, as zlib computes it) of the whole input, written
;; as 8 lower-case hex digits and a LF: "Wikipedia" -> "11e60398\n". Any bytes are accepted;
;; the empty input gives "00000001\n". The output is always 9 bytes, so the capacity is checked
;; first (-3 names 9). No allocator: the host grows its own pages.
;; Like zlib, the sums are reduced modulo 65521 only once per block of NMAX = 5552 bytes, the
;; most that can be summed before the second sum could pass 2^32.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "adler32 v1.1.0\00")
  (data (i32.const 32) "0123456789abcdef")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010100))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $a i32) (local $b i32) (local $i i32) (local $stop i32) (local $sum i32) (local $k i32)
    (if (i32.lt_u (i32.load (local.get $cell)) (i32.const 9))
      (then (i32.store (local.get $cell) (i32.const 9)) (return (i32.const -3))))
    (local.set $a (i32.const 1))
    (block $done (loop $block
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $stop (i32.add (local.get $i) (i32.const 5552)))
      (if (i32.gt_u (local.get $stop) (local.get $n)) (then (local.set $stop (local.get $n))))
      (block $block_done (loop $byte
        (br_if $block_done (i32.ge_u (local.get $i) (local.get $stop)))
        (local.set $a (i32.add (local.get $a) (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
        (local.set $b (i32.add (local.get $b) (local.get $a)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
      (local.set $a (i32.rem_s (local.get $a) (i32.const 65521)))
      (local.set $b (i32.rem_s (local.get $b) (i32.const 65521)))
      (br $block)))
    (local.set $sum (i32.or (i32.shl (local.get $b) (i32.const 16)) (local.get $a)))
    ;; 8 hex digits, most significant first
    (loop $hex
      (i32.store8 (i32.add (local.get $out) (i32.sub (i32.const 7) (local.get $k)))
        (i32.load8_u (i32.add (i32.const 32) (i32.and (local.get $sum) (i32.const 15)))))
      (local.set $sum (i32.shr_u (local.get $sum) (i32.const 4)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $hex (i32.lt_u (local.get $k) (i32.const 8))))
    (i32.store8 offset=8 (local.get $out) (i32.const 0x0A))
    (i32.store (local.get $cell) (i32.const 9))
    (i32.const 0))
)
