;; byte-freq-bin: a byte-frequency table: one 5-byte record per byte value present, in byte order:
;; the byte, then its count as a little-endian u32 ("aab" -> 61 02000000 62 01000000).
;; The 256 counters live at 0x600; they are cleared at the start of every call.
(module
  (memory (export "memory") 2)
  (data (i32.const 0x400) "byte-freq-bin v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 0x400))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $a i32) (local $k i32) (local $o i32) (local $c i32)
    (memory.fill (i32.const 0x600) (i32.const 0) (i32.const 1024))
    ;; count
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $a (i32.add (i32.const 0x600)
        (i32.shl (i32.load8_s (i32.add (local.get $in) (local.get $i))) (i32.const 2))))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    ;; size
    (local.set $i (i32.const 0))
    (block $d2 (loop $l2
      (br_if $d2 (i32.ge_u (local.get $i) (i32.const 256)))
      (if (i32.load (i32.add (i32.const 0x600) (i32.shl (local.get $i) (i32.const 2))))
        (then (local.set $k (i32.add (local.get $k) (i32.const 5)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l2)))
    (if (i32.gt_u (local.get $k) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $k)) (return (i32.const -3))))
    ;; write
    (local.set $i (i32.const 0))
    (block $d3 (loop $l3
      (br_if $d3 (i32.ge_u (local.get $i) (i32.const 256)))
      (local.set $c (i32.load (i32.add (i32.const 0x600) (i32.shl (local.get $i) (i32.const 2)))))
      (if (local.get $c) (then
        (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $i))
        (i32.store (i32.add (i32.add (local.get $out) (local.get $o)) (i32.const 1)) (local.get $c))
        (local.set $o (i32.add (local.get $o) (i32.const 5)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l3)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0)))
