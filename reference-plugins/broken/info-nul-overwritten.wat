;; plugin_info's string has no NUL of its own (a C array exactly as long as the text): it ends
;; only because memory after it is zero at load, until process keeps its call counter there.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3")
  (global $calls (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.const 31) (global.get $calls))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
