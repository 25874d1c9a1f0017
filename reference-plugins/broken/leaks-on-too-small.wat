;; Copies its input. Each call takes a 64-byte scratch block from its own bump heap (growing
;; memory a page at a time when the heap runs out) and gives it back before returning 0, but
;; returns -3 without giving it back: only the -3 path leaks, 64 bytes a call.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  ;; The heap: [$heap, $end) is free, $mark is where the scratch block started.
  (global $heap (mut i32) (i32.const 4096))
  (global $end (mut i32) (i32.const 65536))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func $scratch (result i32)
    (local $block i32) (local $old i32)
    (if (i32.gt_u (i32.add (global.get $heap) (i32.const 64)) (global.get $end))
      (then
        ;; A fresh page of our own: the heap continues there.
        (local.set $old (memory.grow (i32.const 1)))
        (if (i32.eq (local.get $old) (i32.const -1)) (then (unreachable)))
        (global.set $heap (i32.mul (local.get $old) (i32.const 65536)))
        (global.set $end (i32.add (global.get $heap) (i32.const 65536)))))
    (local.set $block (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (i32.const 64)))
    (local.get $block))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $block i32)
    (local.set $block (call $scratch))
    (i32.store (local.get $block) (local.get $len))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        ;; THE BUG: the scratch block is not given back on this path.
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (global.set $heap (local.get $block))
    (i32.const 0))
)
