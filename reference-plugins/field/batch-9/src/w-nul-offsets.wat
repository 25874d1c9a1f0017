;; nul-offsets: finds the NUL bytes of a binary or text blob (to locate C-string boundaries,
;; or to flag text that should not contain any) and writes their byte offsets as
;; little-endian u32 values: "ab\00c\00" -> 02 00 00 00 04 00 00 00. Any input is valid.
;; Ordinary text has no NUL, so its output is empty (rc 0, *output_len 0); an input of only
;; NULs gives an output four times its size. -3 names 4 * the NUL count.
;; No heap, no imports, no alloc: the host grows memory for its buffers, and the declared
;; maximum (2048 pages, 128 MiB) leaves room for a 1 MiB input and its 4 MiB output.
(module
  (memory (export "memory") 1 2048)
  (data (i32.const 16) "nul-offsets v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $count i32) (local $need i32) (local $o i32)
    ;; 4 bytes per input byte must fit the u32 cell
    (if (i32.gt_u (local.get $n) (i32.const 0x3fffffff)) (then (return (i32.const -1))))
    (block $counted (loop $scan
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eqz (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (then (local.set $count (i32.add (local.get $count) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (local.set $need (i32.shl (local.get $count) (i32.const 2)))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (local.set $i (i32.const 0))
    (block $written (loop $emit
      (br_if $written (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eqz (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (then
          (i32.store align=1 (i32.add (local.get $out) (local.get $o)) (local.get $i))
          (local.set $o (i32.add (local.get $o) (i32.const 4)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $emit)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0))
)
