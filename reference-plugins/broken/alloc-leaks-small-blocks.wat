;; An allocator of 8-byte words, as a Rust plugin that hands out Vec<u64> blocks writes it:
;; alloc rounds the size up to whole words, and dealloc rebuilds the Vec from the size it is
;; given, rounded down. Below a word that is a Vec of capacity 0, whose drop frees nothing, so
;; every block of 1 to 7 bytes (the host's 4-byte length cell on every call, every input or
;; output of a few bytes) is lost, 16 bytes at a time; every other size is reused. The calls
;; themselves are right (process copies its input). Fails ZC-ALLOC-004: 65536 pairs of alloc and
;; dealloc of 1 to 8 bytes grow memory by pages.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "alloc-leaks-small-blocks v1.0.0\00")
  ;; Free lists by size in words (1 to 8192) at 1024; larger blocks share one first-fit list.
  (global $top (mut i32) (i32.const 65536))
  (global $large (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))

  ;; A block is an 8-byte header (its size in words) and then its words.
  (func $carve (param $words i32) (result i32)
    (local $block i32) (local $end i32) (local $have i32)
    (local.set $block (global.get $top))
    (local.set $end (i32.add (local.get $block) (i32.shl (i32.add (local.get $words) (i32.const 1)) (i32.const 3))))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535)) (i32.const 16)))
                    (i32.const -1))
          (then (return (i32.const 0))))))
    (i32.store (local.get $block) (local.get $words))
    (global.set $top (local.get $end))
    (i32.add (local.get $block) (i32.const 8)))

  (func (export "alloc") (param $size i32) (result i32)
    (local $words i32) (local $head i32) (local $prev i32) (local $at i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x7ffffff0)) (then (return (i32.const 0))))
    (local.set $words (i32.shr_u (i32.add (local.get $size) (i32.const 7)) (i32.const 3)))
    ;; Vec::with_capacity(0) allocates nothing: a dangling, aligned pointer.
    (if (i32.eqz (local.get $words)) (then (return (i32.const 8))))
    (if (i32.le_u (local.get $words) (i32.const 8192))
      (then
        (local.set $head (i32.add (i32.const 1024) (i32.shl (local.get $words) (i32.const 2))))
        (local.set $at (i32.load (local.get $head)))
        (if (local.get $at)
          (then
            (i32.store (local.get $head) (i32.load (local.get $at)))
            (return (local.get $at))))
        (return (call $carve (local.get $words)))))
    (local.set $at (global.get $large))
    (block $none
      (loop $search
        (br_if $none (i32.eqz (local.get $at)))
        (if (i32.ge_u (i32.load (i32.sub (local.get $at) (i32.const 8))) (local.get $words))
          (then
            (if (local.get $prev)
              (then (i32.store (local.get $prev) (i32.load (local.get $at))))
              (else (global.set $large (i32.load (local.get $at)))))
            (return (local.get $at))))
        (local.set $prev (local.get $at))
        (local.set $at (i32.load (local.get $at)))
        (br $search)))
    (call $carve (local.get $words)))

  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (local $words i32) (local $head i32)
    ;; Vec::from_raw_parts(ptr, 0, size / 8): capacity 0 below a word, and its drop frees nothing.
    (if (i32.eqz (i32.shr_u (local.get $size) (i32.const 3))) (then (return)))
    (local.set $words (i32.load (i32.sub (local.get $ptr) (i32.const 8))))
    (if (i32.le_u (local.get $words) (i32.const 8192))
      (then
        (local.set $head (i32.add (i32.const 1024) (i32.shl (local.get $words) (i32.const 2))))
        (i32.store (local.get $ptr) (i32.load (local.get $head)))
        (i32.store (local.get $head) (local.get $ptr))
        (return)))
    (i32.store (local.get $ptr) (global.get $large))
    (global.set $large (local.get $ptr)))

  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0)))
