;; sum8: outputs the 4-byte LE sum of the input read as u64 words (low halves) plus a byte-wise tail.
;; BUG: the tail dispatch br_table lists remainders 0..6 and its default (7) is unreachable.
(module
  (memory (export "memory") 2)
  (data (i32.const 1024) "sum8 v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 1024))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $s i32) (local $words i32)
    (if (i32.lt_u (i32.load (local.get $cell)) (i32.const 4))
      (then (i32.store (local.get $cell) (i32.const 4)) (return (i32.const -3))))
    (local.set $words (i32.and (local.get $n) (i32.const -8)))
    (block $w (loop $l
      (br_if $w (i32.ge_u (local.get $i) (local.get $words)))
      (local.set $s (i32.add (local.get $s) (i32.wrap_i64 (i64.load (i32.add (local.get $in) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br $l)))
    (block $end
      (block $tail
        (block $bad
          (br_table $end $tail $tail $tail $tail $tail $tail $bad (i32.and (local.get $n) (i32.const 7))))
        unreachable)
      (block $t (loop $tl
        (br_if $t (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tl))))
    (i32.store (local.get $out) (local.get $s))
    (i32.store (local.get $cell) (i32.const 4))
    (i32.const 0)))
