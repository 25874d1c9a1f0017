;; invert: the photographic negative of raw 8-bit image data (grey, RGB, RGBA alike): every
;; byte b becomes 255 - b, so the output is as long as the input. Any bytes are accepted.
;; Exports alloc/dealloc: blocks up to 16 KiB come from an arena in the first two pages
;; (8-byte aligned, reset when the last small block is freed); bigger blocks (image buffers)
;; get pages of their own at the end of memory, with an 8-byte header that keeps their
;; capacity; freed big blocks go on a free list (linked through the header) and the first
;; one that fits serves the next big request.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "invert v1.1.0\00")
  (global $arena_top (mut i32) (i32.const 1024))
  (global $arena_live (mut i32) (i32.const 0))
  (global $free_big (mut i32) (i32.const 0))      ;; data address of the first freed big block
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010100))

  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32) (local $pages i32) (local $old i32) (local $prev i32)
    (if (i32.le_u (local.get $size) (i32.const 16384))
      (then
        (local.set $p (i32.and (i32.add (global.get $arena_top) (i32.const 7)) (i32.const -8)))
        (if (i32.le_u (i32.add (local.get $p) (i32.add (local.get $size) (i32.const 8))) (i32.const 131072))
          (then
            (global.set $arena_top (i32.add (local.get $p) (i32.add (local.get $size) (i32.const 8))))
            (global.set $arena_live (i32.add (global.get $arena_live) (i32.const 1)))
            (return (local.get $p))))))
    (if (i32.gt_u (local.get $size) (i32.const 0x10000000)) (then (return (i32.const 0))))
    ;; the first freed big block that is large enough; header: [capacity][next free]
    (local.set $prev (i32.const 0))
    (local.set $p (global.get $free_big))
    (block $none (loop $walk
      (br_if $none (i32.eqz (local.get $p)))
      (if (i32.ge_u (i32.load (i32.sub (local.get $p) (i32.const 8))) (local.get $size))
        (then
          (if (local.get $prev)
            (then (i32.store (i32.sub (local.get $prev) (i32.const 4)) (i32.load (i32.sub (local.get $p) (i32.const 4)))))
            (else (global.set $free_big (i32.load (i32.sub (local.get $p) (i32.const 4))))))
          (return (local.get $p))))
      (local.set $prev (local.get $p))
      (local.set $p (i32.load (i32.sub (local.get $p) (i32.const 4))))
      (br $walk)))
    ;; fresh pages at the end of memory: [capacity u32][pad u32][data ...]
    (local.set $pages (i32.shr_u (i32.add (local.get $size) (i32.const 0xFFFF)) (i32.const 16)))
    (local.set $old (memory.grow (local.get $pages)))
    (if (i32.eq (local.get $old) (i32.const -1)) (then (return (i32.const 0))))
    (local.set $p (i32.shl (local.get $old) (i32.const 16)))
    (i32.store (local.get $p) (i32.sub (i32.shl (local.get $pages) (i32.const 16)) (i32.const 8)))
    (i32.add (local.get $p) (i32.const 8)))

  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (if (i32.eqz (local.get $ptr)) (then (return)))
    (if (i32.lt_u (local.get $ptr) (i32.const 131072))
      (then
        (global.set $arena_live (i32.sub (global.get $arena_live) (i32.const 1)))
        (if (i32.eqz (global.get $arena_live)) (then (global.set $arena_top (i32.const 1024))))
        (return)))
    ;; push it on the big free list
    (i32.store (i32.sub (local.get $ptr) (i32.const 4)) (global.get $free_big))
    (global.set $free_big (local.get $ptr)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (if (i32.gt_u (local.get $n) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $n)) (return (i32.const -3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $out) (local.get $i))
          (i32.sub (i32.const 255) (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (i32.store (local.get $cell) (local.get $n))
    (i32.const 0))
)
