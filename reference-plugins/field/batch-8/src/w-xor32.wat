;; xor32: a 32-bit XOR checksum of the input, as used by some firmware image formats: the
;; input is read as little-endian u32 words (a last partial word is padded with zero bytes)
;; and all words are XORed together; the output is the checksum as 8 lowercase hex digits
;; and LF ("abcd" -> "64636261\n"). Any bytes; empty input gives "00000000\n".
;; Always 9 output bytes: -3 names 9. No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "xor32 v1.0.0\00")
  (data (i32.const 32) "0123456789abcdef")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $x i32) (local $p i32) (local $end i32) (local $rest i32) (local $k i32)
    (if (i32.lt_u (i32.load (local.get $cell)) (i32.const 9))
      (then (i32.store (local.get $cell) (i32.const 9)) (return (i32.const -3))))
    ;; whole words
    (local.set $p (local.get $in))
    (local.set $end (i32.add (local.get $in) (i32.and (local.get $n) (i32.const -4))))
    (block $done (loop $word
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $x (i32.xor (local.get $x) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br $word)))
    ;; the last 1..3 bytes: load the word and keep only the bytes that are input
    (local.set $rest (i32.and (local.get $n) (i32.const 3)))
    (if (local.get $rest)
      (then
        (local.set $x (i32.xor (local.get $x)
          (i32.and (i32.load (local.get $p))
                   (i32.sub (i32.shl (i32.const 1) (i32.shl (local.get $rest) (i32.const 3))) (i32.const 1)))))))
    ;; 8 hex digits, most significant first
    (local.set $k (i32.const 0))
    (loop $digit
      (i32.store8 (i32.add (local.get $out) (local.get $k))
        (i32.load8_u (i32.add (i32.const 32)
          (i32.and (i32.shr_u (local.get $x) (i32.sub (i32.const 28) (i32.shl (local.get $k) (i32.const 2))))
                   (i32.const 15)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $digit (i32.lt_u (local.get $k) (i32.const 8))))
    (i32.store8 (i32.add (local.get $out) (i32.const 8)) (i32.const 10))
    (i32.store (local.get $cell) (i32.const 9))
    (i32.const 0))
)
