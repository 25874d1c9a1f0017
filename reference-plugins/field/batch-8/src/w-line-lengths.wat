;; line-lengths: the length in bytes of every line, in decimal, one per line:
;; "ab\ncde\n\nx" -> "2\n3\n0\n1\n". Lines end at LF (the LF is not counted; a CR is an
;; ordinary byte); a last line without LF counts, and a final LF does not start another
;; line, so empty input gives empty output. Any bytes. A sizing pass, then a writing pass;
;; -3 names the exact size. No heap, no imports.
(module
  (memory (export "memory") 1)
  ;; memory layout:
  ;;   [16, 36)  scratch for a number's digits (20 bytes: a u32 has at most 10)
  ;;   32        plugin_info string
  (global $digits_end i32 (i32.const 36))
  (data (i32.const 32) "line-lengths v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 32))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  ;; number of decimal digits of v
  (func $ndigits (param $v i32) (result i32)
    (local $d i32)
    (local.set $d (i32.const 1))
    (block $done (loop $more
      (br_if $done (i32.lt_u (local.get $v) (i32.const 10)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $more)))
    (local.get $d))

  ;; writes v's digits at the end of the scratch area, returns the first digit's address
  (func $format (param $v i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $digits_end))
    (loop $more
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $more (local.get $v)))
    (local.get $p))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $start i32) (local $need i32) (local $o i32) (local $p i32) (local $len i32)
    ;; pass 1: size
    (local.set $i (i32.const 0))
    (block $done (loop $line
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $start (local.get $i))
      (block $eol (loop $scan
        (br_if $eol (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $eol (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
      (local.set $need (i32.add (local.get $need)
        (i32.add (call $ndigits (i32.sub (local.get $i) (local.get $start))) (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $line)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    ;; pass 2: write
    (local.set $i (i32.const 0))
    (block $done (loop $line
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $start (local.get $i))
      (block $eol (loop $scan
        (br_if $eol (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $eol (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
      (local.set $p (call $format (i32.sub (local.get $i) (local.get $start))))
      (local.set $len (i32.sub (global.get $digits_end) (local.get $p)))
      (memory.copy (i32.add (local.get $out) (local.get $o)) (local.get $p) (local.get $len))
      (local.set $o (i32.add (local.get $o) (local.get $len)))
      (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $line)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
