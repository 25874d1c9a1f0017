;; Echo with a size-class allocator (one free list per power of two) whose alloc(0) returns 0, as
;; the ABI allows, and a defensive first line in process: a null input or output pointer is -1,
;; as C code checks `if (!in || !out) return -1`. A host that takes each buffer from alloc passes
;; alloc(0)'s 0 for an empty input and for the output of a size query (capacity 0): the empty
;; input is then rejected, and the size query gets -1 instead of -3. Every call whose buffers all
;; lie inside one block is right.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  ;; free-list heads: 32 classes of 4 bytes at 64
  (global $heap (mut i32) (i32.const 1024))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func $class (param $size i32) (result i32)
    (if (i32.le_u (local.get $size) (i32.const 8)) (then (return (i32.const 3))))
    (i32.sub (i32.const 32) (i32.clz (i32.sub (local.get $size) (i32.const 1)))))
  (func (export "alloc") (param $size i32) (result i32)
    (local $class i32) (local $head i32) (local $ptr i32) (local $end i32) (local $have i32)
    ;; An empty block is no block: 0, which the host only hands back.
    (if (i32.eqz (local.get $size)) (then (return (i32.const 0))))
    (if (i32.gt_u (local.get $size) (i32.const 0x40000000)) (then (return (i32.const 0))))
    (local.set $class (call $class (local.get $size)))
    (local.set $head (i32.add (i32.const 64) (i32.shl (local.get $class) (i32.const 2))))
    (local.set $ptr (i32.load (local.get $head)))
    (if (local.get $ptr)
      (then
        (i32.store (local.get $head) (i32.load (local.get $ptr)))
        (return (local.get $ptr))))
    (local.set $ptr (global.get $heap))
    (local.set $end (i32.add (local.get $ptr) (i32.shl (i32.const 1) (local.get $class))))
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
    (if (i32.eqz (local.get $size)) (then (return)))
    (local.set $head (i32.add (i32.const 64) (i32.shl (call $class (local.get $size)) (i32.const 2))))
    (i32.store (local.get $ptr) (i32.load (local.get $head)))
    (i32.store (local.get $head) (local.get $ptr)))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.or (i32.eqz (local.get $in)) (i32.eqz (local.get $out))) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store align=1 (local.get $cell) (local.get $len))
    (i32.const 0))
)
