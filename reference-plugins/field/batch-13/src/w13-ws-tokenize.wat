;; w13-ws-tokenize: the guide's whitespace tokenizer (tokenizer profile), in WAT.
;;
;; UTF-8 text in (strictly validated: overlongs, surrogates, code points past U+10FFFF
;; and truncated sequences are -1), split on Unicode White_Space, one simple_hash id
;; (h = h*31 + byte, wrapping) per word. tokenize counts in u32 ids; process writes the
;; same ids as little-endian bytes and counts in bytes; both answer -3 with the needed
;; size. No imports, no heap. One core ($tok) serves both exports: it writes the first
;; $cap ids and returns how many words there are.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "w13-ws-tokenize v1.0.4\00")
  (global $len (mut i32) (i32.const 0)) ;; length of the sequence $decode read

  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010004))

  ;; Decodes the UTF-8 sequence at p (before end); returns the code point and sets $len,
  ;; or returns -1 if it is invalid.
  (func $decode (param $p i32) (param $end i32) (result i32)
    (local $b i32) (local $n i32) (local $lo i32) (local $hi i32) (local $c i32) (local $k i32) (local $x i32)
    (local.set $b (i32.load8_u (local.get $p)))
    (if (i32.lt_u (local.get $b) (i32.const 0x80))
      (then (global.set $len (i32.const 1)) (return (local.get $b))))
    (local.set $lo (i32.const 0x80))
    (local.set $hi (i32.const 0xbf))
    (block $ok
      (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xc2)) (i32.le_u (local.get $b) (i32.const 0xdf)))
        (then (local.set $n (i32.const 2)) (local.set $c (i32.and (local.get $b) (i32.const 0x1f))) (br $ok)))
      (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xe0)) (i32.le_u (local.get $b) (i32.const 0xef)))
        (then (local.set $n (i32.const 3)) (local.set $c (i32.and (local.get $b) (i32.const 0x0f)))
              (if (i32.eq (local.get $b) (i32.const 0xe0)) (then (local.set $lo (i32.const 0xa0))))
              (if (i32.eq (local.get $b) (i32.const 0xed)) (then (local.set $hi (i32.const 0x9f))))
              (br $ok)))
      (if (i32.and (i32.ge_u (local.get $b) (i32.const 0xf0)) (i32.le_u (local.get $b) (i32.const 0xf4)))
        (then (local.set $n (i32.const 4)) (local.set $c (i32.and (local.get $b) (i32.const 0x07)))
              (if (i32.eq (local.get $b) (i32.const 0xf0)) (then (local.set $lo (i32.const 0x90))))
              (if (i32.eq (local.get $b) (i32.const 0xf4)) (then (local.set $hi (i32.const 0x8f))))
              (br $ok)))
      (return (i32.const -1)))
    (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (local.get $n)) (then (return (i32.const -1))))
    (local.set $x (i32.load8_u offset=1 (local.get $p)))
    (if (i32.or (i32.lt_u (local.get $x) (local.get $lo)) (i32.gt_u (local.get $x) (local.get $hi)))
      (then (return (i32.const -1))))
    (local.set $c (i32.or (i32.shl (local.get $c) (i32.const 6)) (i32.and (local.get $x) (i32.const 0x3f))))
    (local.set $k (i32.const 2))
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $x (i32.load8_u (i32.add (local.get $p) (local.get $k))))
        (if (i32.ne (i32.and (local.get $x) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
        (local.set $c (i32.or (i32.shl (local.get $c) (i32.const 6)) (i32.and (local.get $x) (i32.const 0x3f))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $more)))
    (global.set $len (local.get $n))
    (local.get $c))

  (func $is_ws (param $c i32) (result i32)
    (if (i32.le_u (i32.sub (local.get $c) (i32.const 0x09)) (i32.const 4)) (then (return (i32.const 1))))
    (if (i32.le_u (i32.sub (local.get $c) (i32.const 0x2000)) (i32.const 0x0a)) (then (return (i32.const 1))))
    (i32.or
      (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x85)))
              (i32.or (i32.eq (local.get $c) (i32.const 0xa0)) (i32.eq (local.get $c) (i32.const 0x1680))))
      (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x2028)) (i32.eq (local.get $c) (i32.const 0x2029)))
              (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x202f)) (i32.eq (local.get $c) (i32.const 0x205f)))
                      (i32.eq (local.get $c) (i32.const 0x3000))))))

  ;; Returns the word count (or -1 for invalid UTF-8) and writes the first $cap ids at $out.
  (func $tok (param $in i32) (param $n i32) (param $out i32) (param $cap i32) (result i32)
    (local $p i32) (local $end i32) (local $c i32) (local $k i32) (local $h i32) (local $inw i32) (local $count i32)
    (local.set $p (local.get $in))
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (call $decode (local.get $p) (local.get $end)))
        (if (i32.eq (local.get $c) (i32.const -1)) (then (return (i32.const -1))))
        (if (call $is_ws (local.get $c))
          (then
            (if (local.get $inw)
              (then
                (if (i32.lt_u (local.get $count) (local.get $cap))
                  (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))) (local.get $h))))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $inw (i32.const 0)))))
          (else
            (if (i32.eqz (local.get $inw)) (then (local.set $inw (i32.const 1)) (local.set $h (i32.const 0))))
            (local.set $k (i32.const 0))
            (block $bytes_done
              (loop $bytes
                (br_if $bytes_done (i32.ge_u (local.get $k) (global.get $len)))
                (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31))
                                       (i32.load8_u (i32.add (local.get $p) (local.get $k)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $bytes)))))
        (local.set $p (i32.add (local.get $p) (global.get $len)))
        (br $next)))
    (if (local.get $inw)
      (then
        (if (i32.lt_u (local.get $count) (local.get $cap))
          (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))) (local.get $h))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (local.get $count))

  (func (export "tokenize") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $count i32)
    (local.set $cap (i32.load (local.get $cell)))
    (local.set $count (call $tok (local.get $in) (local.get $n) (local.get $out) (local.get $cap)))
    (if (i32.eq (local.get $count) (i32.const -1)) (then (return (i32.const -1))))
    (i32.store (local.get $cell) (local.get $count))
    (if (result i32) (i32.gt_u (local.get $count) (local.get $cap))
      (then (i32.const -3)) (else (i32.const 0))))

  ;; process: the capacity is in bytes, $tok's in ids.
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $count i32)
    ;; capacity in whole ids, rounded up
    (local.set $cap (i32.shr_u (i32.add (i32.load (local.get $cell)) (i32.const 3)) (i32.const 2)))
    (local.set $count (call $tok (local.get $in) (local.get $n) (local.get $out) (local.get $cap)))
    (if (i32.eq (local.get $count) (i32.const -1)) (then (return (i32.const -1))))
    (i32.store (local.get $cell) (i32.shl (local.get $count) (i32.const 2)))
    (if (result i32) (i32.gt_u (local.get $count) (local.get $cap))
      (then (i32.const -3)) (else (i32.const 0))))
)
