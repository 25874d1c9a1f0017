;; rev-lines: the lines of the input in reverse order (tac), every line ending in LF:
;;   "one\ntwo\nthree\n" -> "three\ntwo\none\n", "a\nb" -> "b\na\n", "" -> "".
;; Lines are split at LF only (a CR stays with its line). Any bytes are accepted. The
;; output is the input plus one LF when the last line has none; -3 names exactly that.
;; The line starts are indexed in a table: up to 64 lines in a static table in page 0, more
;; lines in a table at 0x10000 (page 1), which is grown on first use.
;; -2 when memory for the big table cannot be had. No imports, no heap.
;; Memory: [16, 40) info, [1024, 1280) the small table (64 u32), [0x10000, ...) big table.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "rev-lines v1.4.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010400))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $lines i32) (local $need i32) (local $tbl i32) (local $end i64)
    (local $have i64) (local $k i32) (local $o i32) (local $s i32) (local $e i32)
    (if (i32.eqz (local.get $n))
      (then (i32.store align=1 (local.get $cell) (i32.const 0)) (return (i32.const 0))))
    ;; count the lines: one per LF, plus a last line without one
    (block $counted (loop $scan
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (local.set $need (local.get $n))
    (if (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $n) (i32.const 1)))) (i32.const 10))
      (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
            (local.set $need (i32.add (local.get $need) (i32.const 1)))))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then (i32.store align=1 (local.get $cell) (local.get $need)) (return (i32.const -3))))

    ;; where the table goes
    (local.set $tbl (i32.const 1024))
    (if (i32.gt_u (local.get $lines) (i32.const 64))
      (then
        (local.set $tbl (i32.const 0x10000))
        (local.set $end (i64.add (i64.const 0x10000) (i64.shl (i64.extend_i32_u (local.get $lines)) (i64.const 2))))
        (local.set $have (i64.shl (i64.extend_i32_u (memory.size)) (i64.const 16)))
        (if (i64.gt_u (local.get $end) (local.get $have))
          (then
            (if (i32.eq (memory.grow (i32.wrap_i64 (i64.shr_u
                          (i64.add (i64.sub (local.get $end) (local.get $have)) (i64.const 0xffff))
                          (i64.const 16))))
                        (i32.const -1))
              (then (return (i32.const -2))))))))

    ;; the table: the start offset of every line
    (local.set $i (i32.const 0))
    (local.set $k (i32.const 0))
    (i32.store (local.get $tbl) (i32.const 0))
    (local.set $k (i32.const 1))
    (block $indexed (loop $fill
      (br_if $indexed (i32.ge_u (local.get $i) (i32.sub (local.get $n) (i32.const 1))))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
        (then
          (i32.store (i32.add (local.get $tbl) (i32.shl (local.get $k) (i32.const 2)))
                     (i32.add (local.get $i) (i32.const 1)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $fill)))

    ;; the lines, last first
    (local.set $e (local.get $n))
    (local.set $k (local.get $lines))
    (block $written (loop $emit
      (br_if $written (i32.eqz (local.get $k)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (local.set $s (i32.load (i32.add (local.get $tbl) (i32.shl (local.get $k) (i32.const 2)))))
      (memory.copy (i32.add (local.get $out) (local.get $o)) (i32.add (local.get $in) (local.get $s))
                   (i32.sub (local.get $e) (local.get $s)))
      (local.set $o (i32.add (local.get $o) (i32.sub (local.get $e) (local.get $s))))
      ;; only the last line of the input can lack its LF
      (if (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $e) (i32.const 1)))) (i32.const 10))
        (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
              (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (local.set $e (local.get $s))
      (br $emit)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0))
)
