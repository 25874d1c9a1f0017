;; A size-class allocator (power-of-two classes from 8 bytes, a free list per class) with a fast
;; path for alloc(0) that returns the heap top without reserving anything. dealloc(p, 0) files
;; that pointer under the smallest class like any other block, so the next small alloc is handed
;; bytes that are not its own: the heap top, which the next bump gives out again, or by then a
;; part of a block allocated after alloc(0). alloc(0) and its dealloc both return.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (global $heap (mut i32) (i32.const 1024))
  ;; The free list heads, one i32 per class, at 512; a free block holds the next one's address.
  (func $class (param $size i32) (result i32)
    (local $k i32) (local $cap i32)
    (local.set $cap (i32.const 8))
    (block $done
      (loop $up
        (br_if $done (i32.ge_u (local.get $cap) (local.get $size)))
        (local.set $cap (i32.shl (local.get $cap) (i32.const 1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $up)))
    (local.get $k))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "alloc") (param $size i32) (result i32)
    (local $head i32) (local $ptr i32) (local $end i32) (local $have i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x40000000)) (then (return (i32.const 0))))
    (if (i32.eqz (local.get $size)) (then (return (global.get $heap))))
    (local.set $head (i32.add (i32.const 512) (i32.shl (call $class (local.get $size)) (i32.const 2))))
    (local.set $ptr (i32.load (local.get $head)))
    (if (local.get $ptr)
      (then
        (i32.store (local.get $head) (i32.load (local.get $ptr)))
        (return (local.get $ptr))))
    (local.set $ptr (global.get $heap))
    (local.set $end (i32.add (local.get $ptr)
      (i32.shl (i32.const 8) (call $class (local.get $size)))))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq
              (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535)) (i32.const 16)))
              (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $heap (local.get $end))
    (local.get $ptr))
  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (local $head i32)
    (local.set $head (i32.add (i32.const 512) (i32.shl (call $class (local.get $size)) (i32.const 2))))
    (i32.store (local.get $ptr) (i32.load (local.get $head)))
    (i32.store (local.get $head) (local.get $ptr)))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
