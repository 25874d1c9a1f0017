;; intcalc: evaluates one integer expression per line, "a op b" with op one of + - * / %,
;; and writes each result in decimal on its own line: "7 * 6\n-9 / 2" -> "42\n-4\n".
;; Operands are 32-bit signed decimals (-2147483648..2147483647, optional '-'); spaces and
;; tabs around them are ignored; a CR before the LF is allowed; blank lines are skipped.
;; Arithmetic is 32-bit two's complement like a Java int: + - * wrap, / and % truncate
;; toward zero. Division or remainder by zero, an operand out of range or any other text is
;; -1 (InvalidInput). Empty input gives empty output. No allocator: the host grows its own
;; pages. Results are formatted into a small scratch buffer and copied while they fit; the
;; total is counted on, so -3 names the exact size.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "intcalc v1.0.2\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010002))

  ;; scratch for one formatted result: bytes [64, 96)
  (global $SCRATCH_END i32 (i32.const 96))

  ;; parser state: position and the last number parsed
  (global $pos (mut i32) (i32.const 0))
  (global $num (mut i64) (i64.const 0))

  (func $skip_blanks (param $e i32)
    (local $c i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (global.get $pos) (local.get $e)))
      (local.set $c (i32.load8_u (global.get $pos)))
      (br_if $done (i32.and (i32.ne (local.get $c) (i32.const 0x20)) (i32.ne (local.get $c) (i32.const 0x09))))
      (global.set $pos (i32.add (global.get $pos) (i32.const 1)))
      (br $next))))

  ;; Parses an optionally signed decimal at $pos (before $e) into $num; 0 when there is none
  ;; or it is outside the i32 range.
  (func $parse_num (param $e i32) (result i32)
    (local $neg i32) (local $v i64) (local $d i32) (local $digits i32)
    (if (i32.lt_u (global.get $pos) (local.get $e))
      (then (if (i32.eq (i32.load8_u (global.get $pos)) (i32.const 0x2D))
        (then (local.set $neg (i32.const 1))
              (global.set $pos (i32.add (global.get $pos) (i32.const 1)))))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (global.get $pos) (local.get $e)))
      (local.set $d (i32.sub (i32.load8_u (global.get $pos)) (i32.const 0x30)))
      (br_if $done (i32.gt_u (local.get $d) (i32.const 9)))
      (local.set $v (i64.add (i64.mul (local.get $v) (i64.const 10)) (i64.extend_i32_u (local.get $d))))
      ;; 2147483648 is allowed only with a minus sign
      (if (i64.gt_u (local.get $v) (i64.add (i64.const 2147483647) (i64.extend_i32_u (local.get $neg))))
        (then (return (i32.const 0))))
      (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
      (global.set $pos (i32.add (global.get $pos) (i32.const 1)))
      (br $next)))
    (if (i32.eqz (local.get $digits)) (then (return (i32.const 0))))
    (if (local.get $neg) (then (local.set $v (i64.sub (i64.const 0) (local.get $v)))))
    (global.set $num (local.get $v))
    (i32.const 1))

  ;; Formats $v and a LF backwards into the scratch; returns the start address.
  (func $format (param $v i64) (result i32)
    (local $p i32) (local $neg i32)
    (local.set $p (i32.sub (global.get $SCRATCH_END) (i32.const 1)))
    (i32.store8 (local.get $p) (i32.const 0x0A))
    (if (i64.lt_s (local.get $v) (i64.const 0))
      (then (local.set $neg (i32.const 1)) (local.set $v (i64.sub (i64.const 0) (local.get $v)))))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p)
        (i32.add (i32.const 0x30) (i32.wrap_i64 (i64.rem_u (local.get $v) (i64.const 10)))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $v) (i64.const 0))))
    (if (local.get $neg)
      (then (local.set $p (i32.sub (local.get $p) (i32.const 1)))
            (i32.store8 (local.get $p) (i32.const 0x2D))))
    (local.get $p))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $total i32) (local $s i32) (local $e i32) (local $end i32)
    (local $a i32) (local $b i32) (local $op i32) (local $r i32) (local $p i32) (local $len i32)
    (local.set $cap (i32.load (local.get $cell)))
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (local.set $s (local.get $in))
    (block $lines_done (loop $line
      (br_if $lines_done (i32.ge_u (local.get $s) (local.get $end)))
      ;; the line is [s, e); e is its LF or the end of the input
      (local.set $e (local.get $s))
      (block $found (loop $scan
        (br_if $found (i32.ge_u (local.get $e) (local.get $end)))
        (br_if $found (i32.eq (i32.load8_u (local.get $e)) (i32.const 0x0A)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $scan)))
      (local.set $p (local.get $e))  ;; where the next line starts, minus one
      (if (i32.gt_u (local.get $e) (local.get $s))
        (then (if (i32.eq (i32.load8_u (i32.sub (local.get $e) (i32.const 1))) (i32.const 0x0D))
          (then (local.set $e (i32.sub (local.get $e) (i32.const 1)))))))
      (global.set $pos (local.get $s))
      (call $skip_blanks (local.get $e))
      (if (i32.lt_u (global.get $pos) (local.get $e))
        (then
          (if (i32.eqz (call $parse_num (local.get $e))) (then (return (i32.const -1))))
          (local.set $a (i32.wrap_i64 (global.get $num)))
          (call $skip_blanks (local.get $e))
          (if (i32.ge_u (global.get $pos) (local.get $e)) (then (return (i32.const -1))))
          (local.set $op (i32.load8_u (global.get $pos)))
          (global.set $pos (i32.add (global.get $pos) (i32.const 1)))
          (call $skip_blanks (local.get $e))
          (if (i32.eqz (call $parse_num (local.get $e))) (then (return (i32.const -1))))
          (local.set $b (i32.wrap_i64 (global.get $num)))
          (call $skip_blanks (local.get $e))
          (if (i32.ne (global.get $pos) (local.get $e)) (then (return (i32.const -1))))
          (block $computed
            (if (i32.eq (local.get $op) (i32.const 0x2B))
              (then (local.set $r (i32.add (local.get $a) (local.get $b))) (br $computed)))
            (if (i32.eq (local.get $op) (i32.const 0x2D))
              (then (local.set $r (i32.sub (local.get $a) (local.get $b))) (br $computed)))
            (if (i32.eq (local.get $op) (i32.const 0x2A))
              (then (local.set $r (i32.mul (local.get $a) (local.get $b))) (br $computed)))
            (if (i32.eq (local.get $op) (i32.const 0x2F))
              (then
                (if (i32.eqz (local.get $b)) (then (return (i32.const -1))))
                (local.set $r (i32.div_s (local.get $a) (local.get $b))) (br $computed)))
            (if (i32.eq (local.get $op) (i32.const 0x25))
              (then
                (if (i32.eqz (local.get $b)) (then (return (i32.const -1))))
                (local.set $r (i32.rem_s (local.get $a) (local.get $b))) (br $computed)))
            (return (i32.const -1)))
          (local.set $s (call $format (i64.extend_i32_s (local.get $r))))
          (local.set $len (i32.sub (global.get $SCRATCH_END) (local.get $s)))
          (if (i32.le_u (i32.add (local.get $total) (local.get $len)) (local.get $cap))
            (then (memory.copy (i32.add (local.get $out) (local.get $total)) (local.get $s) (local.get $len))))
          (local.set $total (i32.add (local.get $total) (local.get $len)))))
      (local.set $s (i32.add (local.get $p) (i32.const 1)))
      (br $line)))
    (i32.store (local.get $cell) (local.get $total))
    (if (i32.gt_u (local.get $total) (local.get $cap)) (then (return (i32.const -3))))
    (i32.const 0))
)
