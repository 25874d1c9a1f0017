;; Treats the input as a C string: copies up to the first NUL (strlen) instead of input_len
;; bytes, so without a NUL it copies whatever memory follows the input.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $n))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local.set $len (call $strlen (local.get $in)))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
