;; utf8-check: a gate that lets only well-formed UTF-8 through, for rejecting mis-encoded
;; records before they reach a tokenizer:
;;   "héllo 😀" -> rc 0, "" -> rc 0, hex:ff -> -1, hex:c0af (overlong) -> -1,
;;   hex:eda080 (a surrogate) -> -1, hex:f4908080 (past U+10FFFF) -> -1, hex:e282 -> -1.
;; Well-formed is Unicode's Table 3-7 (what TextDecoder with fatal: true accepts): no overlong
;; forms, no surrogates, nothing past U+10FFFF, no truncated sequence. A BOM is just U+FEFF.
;; Unusual but legal, per ABI.md:
;;  - the output is always empty: rc 0 with *output_len 0 for valid text, -1 otherwise; the
;;    output buffer is never read or written, so any capacity works, 0 included, and -3 is
;;    never returned (nothing ever needs room);
;;  - the memory declares a maximum of 65536 pages, the most a 32-bit memory can have, so it
;;    takes nothing from the host's room for its buffers;
;;  - no imports, no init/cleanup, no alloc, no state; only the info string is static.
;; Memory: [16, 34) info.
(module
  (memory (export "memory") 1 65536)
  (data (i32.const 16) "utf8-check v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func $cont (param $c i32) (result i32)
    (i32.eq (i32.and (local.get $c) (i32.const 0xc0)) (i32.const 0x80)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $b i32) (local $len i32) (local $lo i32) (local $hi i32) (local $c i32) (local $k i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.lt_u (local.get $b) (i32.const 0x80))
        (then
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (local.set $lo (i32.const 0x80))
      (local.set $hi (i32.const 0xbf))
      (block $classified
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xc2)) (i32.le_u (local.get $b) (i32.const 0xdf)))
          (then (local.set $len (i32.const 2)) (br $classified)))
        (if (i32.eq (local.get $b) (i32.const 0xe0))
          (then (local.set $len (i32.const 3)) (local.set $lo (i32.const 0xa0)) (br $classified)))
        (if (i32.eq (local.get $b) (i32.const 0xed))
          (then (local.set $len (i32.const 3)) (local.set $hi (i32.const 0x9f)) (br $classified)))
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xe1)) (i32.le_u (local.get $b) (i32.const 0xef)))
          (then (local.set $len (i32.const 3)) (br $classified)))
        (if (i32.eq (local.get $b) (i32.const 0xf0))
          (then (local.set $len (i32.const 4)) (local.set $lo (i32.const 0x90)) (br $classified)))
        (if (i32.eq (local.get $b) (i32.const 0xf4))
          (then (local.set $len (i32.const 4)) (local.set $hi (i32.const 0x8f)) (br $classified)))
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xf1)) (i32.le_u (local.get $b) (i32.const 0xf3)))
          (then (local.set $len (i32.const 4)) (br $classified)))
        (return (i32.const -1)))
      ;; the whole sequence must be inside the input: n - i >= len (i < n here)
      (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (local.get $len))
        (then (return (i32.const -1))))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 1)))))
      (if (i32.or (i32.lt_u (local.get $c) (local.get $lo)) (i32.gt_u (local.get $c) (local.get $hi)))
        (then (return (i32.const -1))))
      (local.set $k (i32.const 2))
      (block $tail (loop $more
        (br_if $tail (i32.ge_u (local.get $k) (local.get $len)))
        (if (i32.eqz (call $cont (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (local.get $k))))))
          (then (return (i32.const -1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $more)))
      (local.set $i (i32.add (local.get $i) (local.get $len)))
      (br $next)))
    (i32.store align=1 (local.get $cell) (i32.const 0))
    (i32.const 0))
)
