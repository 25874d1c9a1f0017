;; line-rev: the lines of a text in reverse order, like tac(1), for putting newest-first logs
;; back in time order:
;;   "a\nb\nc\n" -> "c\nb\na\n", "one\ntwo" -> "two\none\n", "" -> "".
;; Lines end at LF; a last line without LF gets one, so the output is n bytes, or n + 1 when
;; the input does not end with LF; -3 names exactly that. Any bytes are accepted.
;; The line-start table lives in static memory for up to 4096 lines; for more, the module
;; grows pages of its own once and keeps them (global $big) for later calls, growing again
;; only when a call has more lines than they hold. -2 if memory.grow is refused.
;; No imports, no alloc. Memory: [16, 34) info, [1024, 17408) the static table.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "line-rev v1.0.1\00")
  (global $big (mut i32) (i32.const 0))
  (global $big_lines (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010001))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $lines i32) (local $need i32) (local $tbl i32) (local $pages i32)
    (local $r i32) (local $k i32) (local $s i32) (local $e i32) (local $o i32)
    ;; count lines
    (block $counted (loop $scan
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (local.set $need (local.get $n))
    (if (local.get $n)
      (then (if (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $n) (i32.const 1)))) (i32.const 10))
        (then
          (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
          (local.set $need (i32.add (local.get $need) (i32.const 1)))))))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))

    ;; the table: static, or pages of our own
    (local.set $tbl (i32.const 1024))
    (if (i32.gt_u (local.get $lines) (i32.const 4096))
      (then
        (if (i32.gt_u (local.get $lines) (global.get $big_lines))
          (then
            (local.set $pages (i32.shr_u (i32.add (i32.shl (local.get $lines) (i32.const 2)) (i32.const 0xffff)) (i32.const 16)))
            (local.set $r (memory.grow (local.get $pages)))
            (if (i32.eq (local.get $r) (i32.const -1)) (then (return (i32.const -2))))
            (global.set $big (local.get $r))
            (global.set $big_lines (i32.shl (local.get $pages) (i32.const 14)))))
        (local.set $tbl (global.get $big))))

    ;; line starts
    (local.set $i (i32.const 0))
    (local.set $k (i32.const 0))
    (block $filled (loop $fill
      (br_if $filled (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store (i32.add (local.get $tbl) (i32.shl (local.get $k) (i32.const 2))) (local.get $i))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (block $eol (loop $look
        (br_if $eol (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $eol (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $look)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $fill)))

    ;; write them last to first; line k ends where line k+1 starts, minus its LF
    (local.set $e (local.get $n))
    (if (local.get $n)
      (then (if (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $n) (i32.const 1)))) (i32.const 10))
        (then (local.set $e (i32.sub (local.get $n) (i32.const 1)))))))
    (block $written (loop $write
      (br_if $written (i32.eqz (local.get $k)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (local.set $s (i32.load (i32.add (local.get $tbl) (i32.shl (local.get $k) (i32.const 2)))))
      (memory.copy (i32.add (local.get $out) (local.get $o)) (i32.add (local.get $in) (local.get $s))
        (i32.sub (local.get $e) (local.get $s)))
      (local.set $o (i32.add (local.get $o) (i32.sub (local.get $e) (local.get $s))))
      (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (local.set $e (i32.sub (local.get $s) (i32.const 1)))
      (br $write)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0))
)
