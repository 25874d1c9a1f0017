;; A first-fit allocator over a fixed 192 KiB arena, with its free blocks on a circular list: alloc
;; walks the list until a block fits and never notices it is back where it started, so a request
;; that no free block can hold (more than the arena, or more than any piece left after freeing)
;; spins for ever instead of returning 0. Small requests, the ones a canned exercise makes, work.
(module
  (memory (export "memory") 4)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  ;; The one free block at first: the whole arena (size 0x30000), linked to itself.
  (data (i32.const 65536) "\00\00\03\00\00\00\01\00")
  (global $head i32 (i32.const 65536))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "alloc") (param $size i32) (result i32)
    (local $need i32) (local $node i32) (local $left i32) (local $block i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x40000000)) (then (return (i32.const 0))))
    (local.set $need (i32.add (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8)) (i32.const 8)))
    (local.set $node (global.get $head))
    (loop $scan
      ;; A block is cut from the end of a free node, which keeps its own 8-byte header.
      (if (i32.ge_u (i32.load (local.get $node)) (i32.add (local.get $need) (i32.const 8)))
        (then
          (local.set $left (i32.sub (i32.load (local.get $node)) (local.get $need)))
          (i32.store (local.get $node) (local.get $left))
          (local.set $block (i32.add (local.get $node) (local.get $left)))
          (i32.store (local.get $block) (local.get $need))
          (return (i32.add (local.get $block) (i32.const 8)))))
      (local.set $node (i32.load offset=4 (local.get $node)))
      (br $scan))
    (unreachable))
  ;; A freed block goes on the list right after the head, as a node of its own size.
  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (local $node i32)
    (local.set $node (i32.sub (local.get $ptr) (i32.const 8)))
    (i32.store offset=4 (local.get $node) (i32.load offset=4 (global.get $head)))
    (i32.store offset=4 (global.get $head) (local.get $node)))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
