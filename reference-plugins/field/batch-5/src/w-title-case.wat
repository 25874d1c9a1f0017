;; title-case: title-cases English text: every word (a run of ASCII letters) is written with a
;; capital first letter and the rest in lower case, except the small words a, an, the, of,
;; and, or, in, on, at, to, for, by, which stay lower case unless they start a line. Other
;; bytes are copied, so the output is as long as the input. Each word is lower-cased into a
;; scratch buffer first and compared with the small-word table from there.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "title-case v1.0.1\00")
  ;; small words, each zero-padded to 4 bytes
  (data (i32.const 320) "a\00\00\00an\00\00the\00of\00\00and\00or\00\00in\00\00on\00\00at\00\00to\00\00for\00by\00\00")
  (global $word i32 (i32.const 256))    ;; scratch for the lower-cased word
  (global $small i32 (i32.const 320))
  (global $nsmall i32 (i32.const 12))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010001))

  (func $letter (param $c i32) (result i32)
    (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x61)) (i32.const 26)))

  (func $is_small (param $len i32) (result i32)
    (local $w i32) (local $k i32)
    (if (i32.gt_u (local.get $len) (i32.const 3)) (then (return (i32.const 0))))
    (local.set $w (i32.load (global.get $word)))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $k) (global.get $nsmall)))
      (if (i32.eq (local.get $w) (i32.load (i32.add (global.get $small) (i32.shl (local.get $k) (i32.const 2)))))
        (then (return (i32.const 1))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (i32.const 0))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $s i32) (local $len i32) (local $k i32) (local $line_start i32)
    (if (i32.gt_u (local.get $n) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $n)) (return (i32.const -3))))
    (local.set $line_start (i32.const 1))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.eqz (call $letter (local.get $c)))
        (then
          (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $c))
          (if (i32.eq (local.get $c) (i32.const 10)) (then (local.set $line_start (i32.const 1))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l)))
      ;; a word: lower-case it into the scratch buffer
      (local.set $s (local.get $i))
      (local.set $len (i32.const 0))
      (i32.store (global.get $word) (i32.const 0))
      (block $wd (loop $wl
        (br_if $wd (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (br_if $wd (i32.eqz (call $letter (local.get $c))))
        (i32.store8 (i32.add (global.get $word) (local.get $len)) (i32.or (local.get $c) (i32.const 0x20)))
        (local.set $len (i32.add (local.get $len) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $wl)))
      ;; write it: the scratch copy, first letter capitalised unless it is a small word
      (memory.copy (i32.add (local.get $out) (local.get $s)) (global.get $word) (local.get $len))
      (if (i32.or (local.get $line_start) (i32.eqz (call $is_small (local.get $len))))
        (then
          (i32.store8 (i32.add (local.get $out) (local.get $s))
            (i32.and (i32.load8_u (global.get $word)) (i32.const 0xDF)))))
      (local.set $line_start (i32.const 0))
      (br $l)))
    (i32.store (local.get $cell) (local.get $n))
    (i32.const 0))
)
