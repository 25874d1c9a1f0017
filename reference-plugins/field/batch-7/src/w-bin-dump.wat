;; bin-dump: writes every input byte as 8 binary digits, most significant bit first, 8 bytes
;; per line separated by spaces; every line ends with LF, the last one too:
;; "Hi" -> "01001000 01101001\n". The output is exactly 9 bytes per input byte (checked before
;; anything is written; -3 names 9*len). Any bytes are accepted; empty input gives empty output.
;; No allocator: the host grows its own pages.
;; Unusual but correct:
;;  - the output is 9 times the input, more than hosts usually offer at first, so most large
;;    calls take the -3 and retry path;
;;  - the output is written back to front, last byte first;
;;  - plugin_info's string sits in the last 16 bytes of the initial memory, its NUL being the
;;    last byte of page 0;
;;  - the memory declares the largest wasm32 maximum (65536 pages);
;;  - extra exports besides the ABI's: a mutable global `calls` (a call counter for debugging,
;;    never read by process) and a function `needed_size(len) -> size`.
(module
  (memory (export "memory") 1 65536)
  (data (i32.const 65520) "bin-dump v1.0.0\00")
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 65520))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  ;; 9 * len, or -1 (0xFFFFFFFF) when that does not fit in 32 bits
  (func $needed (export "needed_size") (param $len i32) (result i32)
    (local $w i64)
    (local.set $w (i64.mul (i64.extend_i32_u (local.get $len)) (i64.const 9)))
    (if (i64.gt_u (local.get $w) (i64.const 0xFFFFFFFE)) (then (return (i32.const -1))))
    (i32.wrap_i64 (local.get $w)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32) (local $j i32) (local $b i32) (local $p i32) (local $k i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (local.set $need (call $needed (local.get $n)))
    ;; cannot happen with both buffers in one 4 GiB memory, but never wrap the size
    (if (i32.eq (local.get $need) (i32.const -1)) (then (return (i32.const -2))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (local.set $j (local.get $n))
    (block $done (loop $byte
      (br_if $done (i32.eqz (local.get $j)))
      (local.set $j (i32.sub (local.get $j) (i32.const 1)))
      (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $j))))
      ;; $p: the separator of byte j
      (local.set $p (i32.add (local.get $out) (i32.add (i32.mul (local.get $j) (i32.const 9)) (i32.const 8))))
      (i32.store8 (local.get $p)
        (select (i32.const 0x0A) (i32.const 0x20)
          (i32.or (i32.eq (i32.and (local.get $j) (i32.const 7)) (i32.const 7))
                  (i32.eq (local.get $j) (i32.sub (local.get $n) (i32.const 1))))))
      ;; the 8 digits, least significant (rightmost) first
      (local.set $k (i32.const 0))
      (loop $bit
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (i32.store8 (local.get $p) (i32.add (i32.const 0x30) (i32.and (local.get $b) (i32.const 1))))
        (local.set $b (i32.shr_u (local.get $b) (i32.const 1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $bit (i32.lt_u (local.get $k) (i32.const 8))))
      (br $byte)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
