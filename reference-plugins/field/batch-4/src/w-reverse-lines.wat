;; reverse-lines: writes the lines of the input in reverse order (like tac); every output line
;; ends in "\n", including a last input line that had none. Any bytes are accepted.
;; Line starts go into a table of 4096 entries in page 0; inputs with more lines get a bigger
;; table in fresh pages.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "reverse-lines v1.0.1\00")
  (global $tbl (mut i32) (i32.const 0x1000))     ;; line-start table
  (global $tbl_cap (mut i32) (i32.const 4096))   ;; entries it holds

  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010001))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $lines i32) (local $needed i32) (local $t i32) (local $k i32)
    (local $s i32) (local $e i32) (local $o i32) (local $pages i32) (local $old i32)
    ;; count lines
    (block $done (loop $cnt
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $cnt)))
    (local.set $needed (local.get $n))
    (if (i32.and (i32.ne (local.get $n) (i32.const 0))
                 (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $n) (i32.const 1)))) (i32.const 10)))
      (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
            (local.set $needed (i32.add (local.get $n) (i32.const 1)))))
    (if (i32.gt_u (local.get $needed) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $needed)) (return (i32.const -3))))
    ;; make sure the table is big enough
    (local.set $t (global.get $tbl))
    (if (i32.gt_u (local.get $lines) (global.get $tbl_cap))
      (then
        (local.set $pages (i32.shr_u (i32.add (i32.shl (local.get $lines) (i32.const 2)) (i32.const 65535)) (i32.const 16)))
        (local.set $old (memory.grow (local.get $pages)))
        (if (i32.eq (local.get $old) (i32.const -1)) (then (return (i32.const -2))))
        (local.set $t (i32.shl (local.get $old) (i32.const 16)))))
    ;; record line starts
    (local.set $i (i32.const 0))
    (local.set $k (i32.const 0))
    (block $done2 (loop $rec
      (br_if $done2 (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.add (local.get $t) (i32.shl (local.get $k) (i32.const 2))) (local.get $i))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (block $eol (loop $scan
        (br_if $eol (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
          (then (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $eol)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
      (br $rec)))
    ;; write them backwards
    (local.set $k (local.get $lines))
    (block $done3 (loop $wr
      (br_if $done3 (i32.eqz (local.get $k)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (local.set $s (i32.load (i32.add (local.get $t) (i32.shl (local.get $k) (i32.const 2)))))
      (local.set $e (if (result i32) (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $lines))
        (then (i32.load (i32.add (local.get $t) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 2)))))
        (else (local.get $n))))
      (if (i32.and (i32.gt_u (local.get $e) (local.get $s))
                   (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $e) (i32.const 1)))) (i32.const 10)))
        (then (local.set $e (i32.sub (local.get $e) (i32.const 1)))))
      (memory.copy (i32.add (local.get $out) (local.get $o)) (i32.add (local.get $in) (local.get $s)) (i32.sub (local.get $e) (local.get $s)))
      (local.set $o (i32.add (local.get $o) (i32.sub (local.get $e) (local.get $s))))
      (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (br $wr)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
