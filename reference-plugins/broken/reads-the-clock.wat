;; XORs the first output byte with the clock (WASI clock_time_get).
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
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
    (drop (call $clock (i32.const 1) (i64.const 0) (i32.const 0)))
    (if (i32.ne (local.get $len) (i32.const 0))
      (then (i32.store8 (local.get $out) (i32.xor (i32.load8_u (local.get $out)) (i32.load8_u (i32.const 1))))))
    (i32.const 0))
)
