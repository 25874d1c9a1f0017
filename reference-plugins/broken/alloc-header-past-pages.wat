;; An echo with a two-tier allocator: small blocks from a bump arena with a free list per size
;; class, big ones (over 16 KiB) in pages of their own. A big block gets the pages its size
;; needs, (size + 0xFFFF) >> 16, but starts after an 8-byte header in them: a size within 8
;; bytes of a whole number of pages ends its block past the pages grown, past the end of memory
;; when it was the last. Freed big blocks are kept for reuse when the next one fits.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "echo-2tier v1.0.0\00")
  ;; The arena: 32768 .. 65536, bump pointer; one free slot per 16-byte class (up to 16 KiB is
  ;; too many classes for this fixture, so small blocks are never reused: the arena is 32 KiB
  ;; and the host's small blocks are few).
  (global $bump (mut i32) (i32.const 32768))
  ;; One freed big block kept for reuse: its address (after the header) and capacity.
  (global $spare (mut i32) (i32.const 0))
  (global $spareCap (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "alloc") (param $size i32) (result i32)
    (local $at i32) (local $pages i32)
    (if (i32.gt_u (local.get $size) (i32.const 16384))
      (then
        (if (i32.and (i32.ne (global.get $spare) (i32.const 0))
                     (i32.le_u (local.get $size) (global.get $spareCap)))
          (then
            (local.set $at (global.get $spare))
            (global.set $spare (i32.const 0))
            (return (local.get $at))))
        (if (i32.gt_u (local.get $size) (i32.const 0x7fff0000)) (then (return (i32.const 0))))
        (local.set $pages (i32.shr_u (i32.add (local.get $size) (i32.const 0xffff)) (i32.const 16)))
        (local.set $at (memory.grow (local.get $pages)))
        (if (i32.eq (local.get $at) (i32.const -1)) (then (return (i32.const 0))))
        (local.set $at (i32.shl (local.get $at) (i32.const 16)))
        (i32.store (local.get $at) (i32.shl (local.get $pages) (i32.const 16)))
        (return (i32.add (local.get $at) (i32.const 8)))))
    ;; Small: 8-aligned bump; at least 8 bytes so that alloc(0) is a block of its own.
    (local.set $at (global.get $bump))
    (local.set $size (i32.and (i32.add (i32.add (local.get $size) (i32.const 8)) (i32.const 7)) (i32.const -8)))
    (if (i32.gt_u (i32.add (local.get $at) (local.get $size)) (i32.const 65536)) (then (return (i32.const 0))))
    (global.set $bump (i32.add (local.get $at) (local.get $size)))
    (local.get $at))
  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (if (i32.gt_u (local.get $size) (i32.const 16384))
      (then
        (global.set $spare (local.get $ptr))
        (global.set $spareCap (i32.sub (i32.load (i32.sub (local.get $ptr) (i32.const 8))) (i32.const 8))))
      (else
        ;; The arena is reset when everything small was handed back: the host frees all its
        ;; blocks after each call.
        (if (i32.eq (i32.add (local.get $ptr) (i32.and (i32.add (i32.add (local.get $size) (i32.const 8)) (i32.const 7)) (i32.const -8))) (global.get $bump))
          (then (global.set $bump (local.get $ptr)))))))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store align=1 (local.get $cell) (local.get $len))
    (i32.const 0)))
