;; hexcolor: CSS hex colours, one per line, to packed RGB8 pixels (3 bytes per colour):
;; "#ff8000\n#0af\n" -> ff 80 00 00 aa ff. A line is '#' and either 6 hex digits (#rrggbb) or
;; the CSS short form of 3 (#rgb, each digit doubled), digits in either case; a CR before the
;; LF is dropped and empty lines are skipped. Anything else is -1. A validating/sizing pass,
;; then a writing pass; -3 names 3 bytes per colour. No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "hexcolor v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  ;; value of a hex digit, or -1
  (func $hex (param $c i32) (result i32)
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 48)) (i32.le_u (local.get $c) (i32.const 57)))
      (then (return (i32.sub (local.get $c) (i32.const 48)))))
    (local.set $c (i32.or (local.get $c) (i32.const 32)))
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 102)))
      (then (return (i32.sub (local.get $c) (i32.const 87)))))
    (i32.const -1))

  ;; one pass; writes when $write. Returns the output size or -1.
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $write i32) (result i32)
    (local $i i32) (local $s i32) (local $e i32) (local $len i32) (local $o i32) (local $k i32)
    (local $d i32) (local $hi i32)
    (block $done (loop $line
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (local.get $i))
      (block $eol (loop $scan
        (br_if $eol (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $eol (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
      (local.set $e (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (if (i32.gt_u (local.get $e) (local.get $s))
        (then (if (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $e) (i32.const 1)))) (i32.const 13))
          (then (local.set $e (i32.sub (local.get $e) (i32.const 1)))))))
      (local.set $len (i32.sub (local.get $e) (local.get $s)))
      (if (i32.eqz (local.get $len)) (then (br $line)))
      (if (i32.ne (i32.load8_u (i32.add (local.get $in) (local.get $s))) (i32.const 35)) (then (return (i32.const -1))))
      ;; all digits valid?
      (local.set $k (i32.const 1))
      (block $ok (loop $chk
        (br_if $ok (i32.ge_u (local.get $k) (local.get $len)))
        (if (i32.lt_s (call $hex (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $s) (local.get $k))))) (i32.const 0))
          (then (return (i32.const -1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $chk)))
      (if (i32.eq (local.get $len) (i32.const 7))
        (then
          (if (local.get $write)
            (then
              (local.set $k (i32.const 0))
              (loop $byte
                (local.set $hi (call $hex (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $s) (i32.add (i32.const 1) (i32.shl (local.get $k) (i32.const 1))))))))
                (local.set $d (call $hex (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $s) (i32.add (i32.const 2) (i32.shl (local.get $k) (i32.const 1))))))))
                (i32.store8 (i32.add (local.get $out) (i32.add (local.get $o) (local.get $k)))
                  (i32.or (i32.shl (local.get $hi) (i32.const 4)) (local.get $d)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br_if $byte (i32.lt_u (local.get $k) (i32.const 3))))))
          (local.set $o (i32.add (local.get $o) (i32.const 3)))
          (br $line)))
      (if (i32.eq (local.get $len) (i32.const 4))
        (then
          (if (local.get $write)
            (then
              (local.set $k (i32.const 0))
              (loop $byte
                (local.set $d (call $hex (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $s) (i32.add (i32.const 1) (local.get $k)))))))
                (i32.store8 (i32.add (local.get $out) (i32.add (local.get $o) (local.get $k))) (local.get $d))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br_if $byte (i32.lt_u (local.get $k) (i32.const 3))))))
          (local.set $o (i32.add (local.get $o) (i32.const 3)))
          (br $line)))
      (return (i32.const -1))))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $run (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.lt_s (local.get $need) (i32.const 0)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (drop (call $run (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
