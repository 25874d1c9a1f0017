;; dec2i32: decimal integers, one per line, to packed 32-bit little-endian signed integers
;; (4 output bytes per number). A line is an optional '+' or '-' and 1 to 10 digits (an i32
;; has at most 10 digits); a CR before the LF is allowed; empty lines are skipped. Anything
;; else is -1. Empty input gives empty output. No allocator: the host grows its own pages.
;; Pass 1 validates and counts, pass 2 converts, so nothing is written for invalid input or
;; when the output does not fit.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "dec2i32 v1.3.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010300))

  ;; Parses the line in[s..e) (CR already removed, not empty). Returns 1 and leaves the value
  ;; in $val, or 0 when the line is not a number.
  (global $val (mut i32) (i32.const 0))
  (func $parse (param $s i32) (param $e i32) (result i32)
    (local $neg i32) (local $v i32) (local $d i32) (local $digits i32) (local $c i32)
    (local.set $c (i32.load8_u (local.get $s)))
    (if (i32.eq (local.get $c) (i32.const 0x2D))
      (then (local.set $neg (i32.const 1)) (local.set $s (i32.add (local.get $s) (i32.const 1))))
      (else (if (i32.eq (local.get $c) (i32.const 0x2B))
        (then (local.set $s (i32.add (local.get $s) (i32.const 1)))))))
    (local.set $digits (i32.sub (local.get $e) (local.get $s)))
    (if (i32.eqz (local.get $digits)) (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $digits) (i32.const 10)) (then (return (i32.const 0))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
      (local.set $d (i32.sub (i32.load8_u (local.get $s)) (i32.const 0x30)))
      (if (i32.gt_u (local.get $d) (i32.const 9)) (then (return (i32.const 0))))
      (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $d)))
      (local.set $s (i32.add (local.get $s) (i32.const 1)))
      (br $next)))
    (if (local.get $neg) (then (local.set $v (i32.sub (i32.const 0) (local.get $v)))))
    (global.set $val (local.get $v))
    (i32.const 1))

  ;; Walks the lines; with $write = 0 it only counts numbers, else stores them at $out.
  ;; Returns the count, or -1 for an invalid line.
  (func $walk (param $in i32) (param $n i32) (param $out i32) (param $write i32) (result i32)
    (local $i i32) (local $s i32) (local $e i32) (local $count i32) (local $end i32)
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (local.set $s (local.get $in))
    (block $done (loop $line
      (br_if $done (i32.ge_u (local.get $s) (local.get $end)))
      ;; find the LF or the end
      (local.set $e (local.get $s))
      (block $found (loop $scan
        (br_if $found (i32.ge_u (local.get $e) (local.get $end)))
        (br_if $found (i32.eq (i32.load8_u (local.get $e)) (i32.const 0x0A)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $scan)))
      (local.set $i (local.get $e))   ;; the LF (or the end)
      ;; drop one CR before the line end
      (if (i32.gt_u (local.get $e) (local.get $s))
        (then (if (i32.eq (i32.load8_u (i32.sub (local.get $e) (i32.const 1))) (i32.const 0x0D))
          (then (local.set $e (i32.sub (local.get $e) (i32.const 1)))))))
      (if (i32.gt_u (local.get $e) (local.get $s))
        (then
          (if (i32.eqz (call $parse (local.get $s) (local.get $e))) (then (return (i32.const -1))))
          (if (local.get $write)
            (then (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))) (global.get $val))))
          (local.set $count (i32.add (local.get $count) (i32.const 1)))))
      (local.set $s (i32.add (local.get $i) (i32.const 1)))
      (br $line)))
    (local.get $count))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $count i32) (local $need i32)
    (local.set $count (call $walk (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $need (i32.shl (local.get $count) (i32.const 2)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (drop (call $walk (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
