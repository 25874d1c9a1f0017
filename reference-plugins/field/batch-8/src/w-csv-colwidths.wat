;; csv-colwidths: the widest field (in bytes) of every column of simple CSV (fields split at
;; every comma, no quoting), as one line of comma-separated decimals:
;; "a,bb\nccc,d\n" -> "3,2\n"; "x\ny,zz" -> "1,2\n". Lines end at LF, a CR before it is not
;; part of the last field; empty lines are skipped; a line with fewer fields leaves the
;; other columns alone. Empty input (or only empty lines) gives empty output. Any bytes.
;; The per-column maxima live in a table of u32 in pages this module grows at the end of
;; memory when a call has more columns than the table holds (reused by later calls);
;; -2 when memory cannot grow. No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "csv-colwidths v1.1.0\00")
  (global $tbl (mut i32) (i32.const 0))      ;; address of the column table
  (global $tbl_cap (mut i32) (i32.const 0))  ;; columns it holds
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010100))

  (func $ndigits (param $v i32) (result i32)
    (local $d i32)
    (local.set $d (i32.const 1))
    (block $done (loop $more
      (br_if $done (i32.lt_u (local.get $v) (i32.const 10)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $more)))
    (local.get $d))

  ;; makes room for $cols columns; returns 0 when memory cannot grow
  (func $reserve (param $cols i32) (result i32)
    (local $bytes i32) (local $base i32)
    (if (i32.le_u (local.get $cols) (global.get $tbl_cap)) (then (return (i32.const 1))))
    (local.set $bytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $base (i32.shl (memory.size) (i32.const 16)))
    (if (i32.eq (memory.grow (local.get $bytes)) (i32.const -1)) (then (return (i32.const 0))))
    (global.set $tbl (local.get $base))
    (global.set $tbl_cap (local.get $cols))
    (i32.const 1))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $cols i32) (local $maxcols i32) (local $fs i32)
    (local $w i32) (local $slot i32) (local $need i32) (local $o i32) (local $v i32) (local $d i32) (local $k i32)
    (local $e i32)
    ;; pass 1: the most fields on any non-empty line
    (local.set $cols (i32.const 1))
    (local.set $e (i32.const 1)) ;; line empty so far
    (block $done (loop $scan
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.eq (local.get $c) (i32.const 10))
        (then
          (if (i32.eqz (local.get $e))
            (then (if (i32.gt_u (local.get $cols) (local.get $maxcols)) (then (local.set $maxcols (local.get $cols))))))
          (local.set $cols (i32.const 1))
          (local.set $e (i32.const 1)))
        (else
          (local.set $e (i32.const 0))
          (if (i32.eq (local.get $c) (i32.const 44)) (then (local.set $cols (i32.add (local.get $cols) (i32.const 1)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (if (i32.eqz (local.get $e))
      (then (if (i32.gt_u (local.get $cols) (local.get $maxcols)) (then (local.set $maxcols (local.get $cols))))))
    (if (i32.eqz (local.get $maxcols))
      (then (i32.store (local.get $cell) (i32.const 0)) (return (i32.const 0))))
    (if (i32.eqz (call $reserve (local.get $maxcols))) (then (return (i32.const -2))))
    (memory.fill (global.get $tbl) (i32.const 0) (i32.shl (local.get $maxcols) (i32.const 2)))
    ;; pass 2: field widths
    (local.set $i (i32.const 0))
    (local.set $fs (i32.const 0))
    (local.set $slot (global.get $tbl))
    (block $done (loop $scan
      (local.set $c (i32.const 10))
      (if (i32.lt_u (local.get $i) (local.get $n))
        (then (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))))
      (if (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 44)))
        (then
          (local.set $w (i32.sub (local.get $i) (local.get $fs)))
          ;; a CR before the LF is not part of the field
          (if (i32.and (i32.eq (local.get $c) (i32.const 10)) (i32.gt_u (local.get $w) (i32.const 0)))
            (then (if (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $i) (i32.const 1)))) (i32.const 13))
              (then (local.set $w (i32.sub (local.get $w) (i32.const 1)))))))
          (if (i32.gt_u (local.get $w) (i32.load (local.get $slot)))
            (then (i32.store (local.get $slot) (local.get $w))))
          (local.set $slot (i32.add (local.get $slot) (i32.const 4)))
          (local.set $fs (i32.add (local.get $i) (i32.const 1)))
          (if (i32.eq (local.get $c) (i32.const 10)) (then (local.set $slot (global.get $tbl))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $scan (i32.lt_u (local.get $i) (local.get $n)))))
    ;; a last line without LF
    (if (i32.and (i32.gt_u (local.get $n) (i32.const 0))
                 (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $n) (i32.const 1)))) (i32.const 10)))
      (then
        (local.set $w (i32.sub (local.get $n) (local.get $fs)))
        (if (i32.gt_u (local.get $w) (i32.load (local.get $slot)))
          (then (i32.store (local.get $slot) (local.get $w))))))
    ;; size
    (local.set $k (i32.const 0))
    (loop $sz
      (local.set $need (i32.add (local.get $need)
        (i32.add (call $ndigits (i32.load (i32.add (global.get $tbl) (i32.shl (local.get $k) (i32.const 2))))) (i32.const 1))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $sz (i32.lt_u (local.get $k) (local.get $maxcols))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    ;; write
    (local.set $k (i32.const 0))
    (loop $wr
      (local.set $v (i32.load (i32.add (global.get $tbl) (i32.shl (local.get $k) (i32.const 2)))))
      (local.set $d (call $ndigits (local.get $v)))
      (local.set $o (i32.add (local.get $o) (local.get $d)))
      (local.set $e (local.get $o))
      (loop $dig
        (local.set $e (i32.sub (local.get $e) (i32.const 1)))
        (i32.store8 (i32.add (local.get $out) (local.get $e)) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
        (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
        (br_if $dig (local.get $v)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (i32.store8 (i32.add (local.get $out) (local.get $o))
        (select (i32.const 44) (i32.const 10) (i32.lt_u (local.get $k) (local.get $maxcols))))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (br_if $wr (i32.lt_u (local.get $k) (local.get $maxcols))))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
