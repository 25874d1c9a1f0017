;; Builds each output byte with |= as if the output buffer started zeroed: whatever the buffer
;; held before the call leaks into the result.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
      (i32.store8 (i32.add (local.get $out) (local.get $i))
        (i32.or (i32.load8_u (i32.add (local.get $out) (local.get $i)))
                (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
