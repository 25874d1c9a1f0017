;; Ends its output with an end-of-record marker byte 0xa5 (its own framing, not counted in
;; *output_len), one byte past an exact capacity: a stray byte that equals what the host put there.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.store8 (i32.add (local.get $out) (local.get $len)) (i32.const 0xa5))
    (i32.const 0))
)
