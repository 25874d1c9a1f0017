;; utf32: converts UTF-8 text to UTF-32LE (4 bytes per character). Invalid UTF-8 (a stray
;; continuation byte, a bad lead byte, a continuation byte missing, an overlong form, a
;; surrogate or a code point past U+10FFFF) is -1. The output size is 4 per lead byte, so it
;; is known before decoding. No allocator: the host grows its own pages.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "utf32 v0.9.1\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x000901))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $need i32) (local $b i32) (local $len i32) (local $cp i32)
    (local $k i32) (local $c i32) (local $o i32)
    ;; size: 4 bytes for every byte that is not a continuation byte
    (block $d1 (loop $l1
      (br_if $d1 (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.ne (i32.and (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0xC0)) (i32.const 0x80))
        (then (local.set $need (i32.add (local.get $need) (i32.const 4)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l1)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (local.set $i (i32.const 0))
    (block $d2 (loop $l2
      (br_if $d2 (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.lt_u (local.get $b) (i32.const 0x80))
        (then (local.set $len (i32.const 1)) (local.set $cp (local.get $b)))
        (else
          (if (i32.eq (i32.and (local.get $b) (i32.const 0xE0)) (i32.const 0xC0))
            (then (local.set $len (i32.const 2)) (local.set $cp (i32.and (local.get $b) (i32.const 0x1F))))
            (else
              (if (i32.eq (i32.and (local.get $b) (i32.const 0xF0)) (i32.const 0xE0))
                (then (local.set $len (i32.const 3)) (local.set $cp (i32.and (local.get $b) (i32.const 0x0F))))
                (else
                  (if (i32.eq (i32.and (local.get $b) (i32.const 0xF8)) (i32.const 0xF0))
                    (then (local.set $len (i32.const 4)) (local.set $cp (i32.and (local.get $b) (i32.const 0x07))))
                    (else (return (i32.const -1))))))))))
      ;; continuation bytes
      (local.set $k (i32.const 1))
      (block $dk (loop $lk
        (br_if $dk (i32.ge_u (local.get $k) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (local.get $k)))))
        (if (i32.ne (i32.and (local.get $c) (i32.const 0xC0)) (i32.const 0x80)) (then (return (i32.const -1))))
        (local.set $cp (i32.or (i32.shl (local.get $cp) (i32.const 6)) (i32.and (local.get $c) (i32.const 0x3F))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $lk)))
      ;; overlong forms, surrogates, past U+10FFFF
      (if (i32.or
            (i32.or
              (i32.and (i32.eq (local.get $len) (i32.const 2)) (i32.lt_u (local.get $cp) (i32.const 0x80)))
              (i32.and (i32.eq (local.get $len) (i32.const 3)) (i32.lt_u (local.get $cp) (i32.const 0x800))))
            (i32.or
              (i32.and (i32.eq (local.get $len) (i32.const 4)) (i32.lt_u (local.get $cp) (i32.const 0x10000)))
              (i32.or
                (i32.eq (i32.and (local.get $cp) (i32.const 0x1FF800)) (i32.const 0xD800))
                (i32.gt_u (local.get $cp) (i32.const 0x10FFFF)))))
        (then (return (i32.const -1))))
      (i32.store (i32.add (local.get $out) (local.get $o)) (local.get $cp))
      (local.set $o (i32.add (local.get $o) (i32.const 4)))
      (local.set $i (i32.add (local.get $i) (local.get $len)))
      (br $l2)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
