;; tok-ids: the guide's whitespace tokenizer. The input must be UTF-8 (strict: no overlong
;; forms, surrogates, values past U+10FFFF, stray or missing continuation bytes; else -1).
;; Words are separated by Unicode White_Space (TAB..CR, SPACE, U+0085, U+00A0, U+1680,
;; U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); each word's id is the guide's
;; simple_hash (h = h * 31 + byte over its UTF-8 bytes, wrapping, from 0).
;;   "hello world" -> [99162322, 113318802], "a\u00a0b" -> [97, 98], "" -> [].
;; tokenize writes one u32 per word; when they do not all fit it writes what fits and
;; returns -3 with the word count. process gives the same ids for hosts that only call
;; process (the profile's little-endian u32 bytes).
;; No heap, no imports, no state. Memory: [16, 32) info.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "tok-ids v1.1.0\00")
  (global $cp (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010100))

  ;; 1 when code point c is Unicode White_Space
  (func $ws (param $c i32) (result i32)
    (if (i32.le_u (local.get $c) (i32.const 0x20))
      (then (return (i32.or (i32.eq (local.get $c) (i32.const 0x20))
                            (i32.and (i32.ge_u (local.get $c) (i32.const 9))
                                     (i32.le_u (local.get $c) (i32.const 13)))))))
    (if (i32.lt_u (local.get $c) (i32.const 0x85)) (then (return (i32.const 0))))
    (if (i32.eq (local.get $c) (i32.const 0x85)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 0xa0)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 0x1680)) (then (return (i32.const 1))))
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 0x2000)) (i32.le_u (local.get $c) (i32.const 0x200a)))
      (then (return (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 0x2028)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 0x2029)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 0x202f)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 0x205f)) (then (return (i32.const 1))))
    (i32.eq (local.get $c) (i32.const 0x3000)))

  ;; 1 when byte i exists and is a continuation byte
  (func $cont (param $in i32) (param $n i32) (param $i i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $i) (local.get $n))
      (then (i32.eq (i32.and (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0xc0))
                    (i32.const 0x80)))
      (else (i32.const 0))))

  ;; decodes the sequence at in[i] (i < n) into $cp; its length, or 0 when it is not UTF-8
  (func $decode (param $in i32) (param $n i32) (param $i i32) (result i32)
    (local $b i32) (local $len i32) (local $min i32) (local $k i32) (local $c i32)
    (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
    (if (i32.lt_u (local.get $b) (i32.const 0x80))
      (then (global.set $cp (local.get $b)) (return (i32.const 1))))
    (if (i32.lt_u (local.get $b) (i32.const 0xc2)) (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $b) (i32.const 0xf4)) (then (return (i32.const 0))))
    (if (i32.lt_u (local.get $b) (i32.const 0xe0))
      (then (local.set $len (i32.const 2)) (local.set $c (i32.and (local.get $b) (i32.const 0x1f)))
            (local.set $min (i32.const 0x80)))
      (else
        (if (i32.lt_u (local.get $b) (i32.const 0xf0))
          (then (local.set $len (i32.const 3)) (local.set $c (i32.and (local.get $b) (i32.const 0x0f)))
                (local.set $min (i32.const 0x800)))
          (else (local.set $len (i32.const 4)) (local.set $c (i32.and (local.get $b) (i32.const 0x07)))
                (local.set $min (i32.const 0x10000))))))
    (local.set $k (i32.const 1))
    (block $done (loop $more
      (br_if $done (i32.ge_u (local.get $k) (local.get $len)))
      (if (i32.eqz (call $cont (local.get $in) (local.get $n) (i32.add (local.get $i) (local.get $k))))
        (then (return (i32.const 0))))
      (local.set $c (i32.or (i32.shl (local.get $c) (i32.const 6))
        (i32.and (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (local.get $k))))
                 (i32.const 0x3f))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $more)))
    (if (i32.lt_u (local.get $c) (local.get $min)) (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $c) (i32.const 0x10ffff)) (then (return (i32.const 0))))
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 0xd800)) (i32.le_u (local.get $c) (i32.const 0xdfff)))
      (then (return (i32.const 0))))
    (global.set $cp (local.get $c))
    (local.get $len))

  ;; the tokenizer both exports share: the capacity in the cell is the number of ids that
  ;; fit; the ids are stored as they are found, while they fit; the cell gets the id count
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $i i32) (local $len i32) (local $count i32) (local $inword i32)
    (local $h i32) (local $k i32)
    (local.set $cap (i32.load align=1 (local.get $cell)))
    (block $end (loop $next
      (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $len (call $decode (local.get $in) (local.get $n) (local.get $i)))
      (if (i32.eqz (local.get $len)) (then (return (i32.const -1))))
      (if (call $ws (global.get $cp))
        (then
          (if (local.get $inword)
            (then
              (if (i32.lt_u (local.get $count) (local.get $cap))
                (then (i32.store align=1 (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                                 (local.get $h))))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))
              (local.set $inword (i32.const 0)))))
        (else
          (if (i32.eqz (local.get $inword))
            (then (local.set $inword (i32.const 1)) (local.set $h (i32.const 0))))
          (local.set $k (i32.const 0))
          (block $hashed (loop $byte
            (br_if $hashed (i32.ge_u (local.get $k) (local.get $len)))
            (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31))
              (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $byte)))))
      (local.set $i (i32.add (local.get $i) (local.get $len)))
      (br $next)))
    (if (local.get $inword)
      (then
        (if (i32.lt_u (local.get $count) (local.get $cap))
          (then (i32.store align=1 (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                           (local.get $h))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (i32.store align=1 (local.get $cell) (local.get $count))
    (if (i32.gt_u (local.get $count) (local.get $cap)) (then (return (i32.const -3))))
    (i32.const 0))

  (func (export "tokenize") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (call $run (local.get $in) (local.get $n) (local.get $out) (local.get $cell)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (call $run (local.get $in) (local.get $n) (local.get $out) (local.get $cell)))
)
