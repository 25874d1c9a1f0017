;; csv2tsv: CSV -> TSV: commas outside quotes become tabs, quotes are removed and "" inside a
;; quoted field becomes ". A tab or newline inside quotes (not representable in TSV), a stray
;; quote or an unterminated quote is -1. Output is never longer than the input.
(module
  (memory (export "memory") 1)
  (data (i32.const 64) "csv2tsv v1.2\00")
  (func (export "plugin_info") (result i32) (i32.const 64))
  ;; returns output length, or -1; writes when $w is 1
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $w i32) (result i32)
    (local $i i32) (local $o i32) (local $c i32) (local $q i32) (local $start i32)
    (local.set $start (i32.const 1))
    (block $end (loop $l
      (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (local.get $q)
        (then
          (if (i32.eq (local.get $c) (i32.const 34))
            (then
              (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
                (then (if (i32.eq (i32.load8_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 1))) (i32.const 34))
                  (then
                    (if (local.get $w) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 34))))
                    (local.set $o (i32.add (local.get $o) (i32.const 1)))
                    (local.set $i (i32.add (local.get $i) (i32.const 2)))
                    (br $l)))))
              (local.set $q (i32.const 0))
              ;; after a closing quote: only a comma, a newline, CR or the end
              (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
                (then
                  (local.set $c (i32.load8_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 1))))
                  (if (i32.eqz (i32.or (i32.or (i32.eq (local.get $c) (i32.const 44)) (i32.eq (local.get $c) (i32.const 10))) (i32.eq (local.get $c) (i32.const 13))))
                    (then (return (i32.const -1))))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
          (if (i32.or (i32.eq (local.get $c) (i32.const 9)) (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13))))
            (then (return (i32.const -1))))
          (if (local.get $w) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $c))))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))
          (local.set $start (i32.const 0)))
        (else
          (if (i32.eq (local.get $c) (i32.const 34))
            (then
              (if (i32.eqz (local.get $start)) (then (return (i32.const -1))))
              (local.set $q (i32.const 1))
              (local.set $start (i32.const 0))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
          (if (i32.eq (local.get $c) (i32.const 44)) (then (local.set $c (i32.const 9))))
          (local.set $start (i32.or (i32.eq (local.get $c) (i32.const 9)) (i32.eq (local.get $c) (i32.const 10))))
          (if (local.get $w) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $c))))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (if (local.get $q) (then (return (i32.const -1))))
    (local.get $o))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $run (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.lt_s (local.get $need) (i32.const 0)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (drop (call $run (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0)))
