;; Writes the average word length of its input as one decimal digit string ("5" for "hello
;; world"). Empty input gives "0", but input of whitespace only has no words, and the
;; average divides by that zero count: i32.div_u traps. Generated text seldom is whitespace
;; only; the spec's edge inputs (" ", "\n\n\n\n", ...) are.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "word-average v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func $space (param $b i32) (result i32)
    (i32.or (i32.or (i32.eq (local.get $b) (i32.const 32)) (i32.eq (local.get $b) (i32.const 10)))
            (i32.or (i32.eq (local.get $b) (i32.const 9)) (i32.eq (local.get $b) (i32.const 13)))))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $words i32) (local $letters i32) (local $inword i32) (local $avg i32)
    (local $digits i32) (local $n i32) (local $k i32)
    (if (i32.eqz (local.get $len))
      (then (local.set $avg (i32.const 0)))
      (else
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
            (if (call $space (i32.load8_u (i32.add (local.get $in) (local.get $i))))
              (then (local.set $inword (i32.const 0)))
              (else
                (local.set $letters (i32.add (local.get $letters) (i32.const 1)))
                (if (i32.eqz (local.get $inword))
                  (then (local.set $words (i32.add (local.get $words) (i32.const 1)))))
                (local.set $inword (i32.const 1))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        ;; THE BUG: no words (whitespace only) leaves $words at 0.
        (local.set $avg (i32.div_u (local.get $letters) (local.get $words)))))
    ;; The decimal digits of $avg, most significant first, at 0x400 (then copied).
    (local.set $n (local.get $avg))
    (loop $count
      (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $count (local.get $n)))
    (if (i32.gt_u (local.get $digits) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $digits))
        (return (i32.const -3))))
    (local.set $n (local.get $avg))
    (local.set $k (local.get $digits))
    (loop $write
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (i32.store8 (i32.add (local.get $out) (local.get $k))
        (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $write (local.get $k)))
    (i32.store (local.get $cell) (local.get $digits))
    (i32.const 0))
)
