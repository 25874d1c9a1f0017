;; xor-mask: XORs every byte with 0x5A (its own inverse: running it twice gives the input).
;;
;; The memory declares a maximum of 64 pages (4 MiB), so the module exports alloc/dealloc:
;; the host takes its buffers from this allocator instead of growing memory itself.
;; alloc(n) returns an 8-aligned block of at least max(n, 1) bytes, distinct from every
;; other live block, or 0 when the memory cannot hold it. Each block has an 8-byte header
;; holding its size; freed blocks go on a free list and are reused first-fit, and once every
;; block has been freed the heap starts over, so repeated calls reuse the same pages.
(module
  (memory (export "memory") 2 64)
  (data (i32.const 1024) "xor-mask v1.0.0\00")

  (global $heap_base i32 (i32.const 65536))
  (global $top (mut i32) (i32.const 65536))
  (global $free (mut i32) (i32.const 0))
  (global $live (mut i32) (i32.const 0))

  (func (export "plugin_info") (result i32)
    (i32.const 1024))

  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32) (local $prev i32) (local $end i32) (local $have i32)
    ;; more than the maximum memory can ever hold
    (if (i32.gt_u (local.get $size) (i32.const 0x00400000)) (then (return (i32.const 0))))
    (if (i32.eqz (local.get $size)) (then (local.set $size (i32.const 1))))
    (local.set $size (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8)))
    ;; first fit from the free list
    (local.set $p (global.get $free))
    (block $none
      (loop $scan
        (br_if $none (i32.eqz (local.get $p)))
        (if (i32.ge_u (i32.load (i32.sub (local.get $p) (i32.const 8))) (local.get $size))
          (then
            (if (i32.eqz (local.get $prev))
              (then (global.set $free (i32.load (local.get $p))))
              (else (i32.store (local.get $prev) (i32.load (local.get $p)))))
            (global.set $live (i32.add (global.get $live) (i32.const 1)))
            (return (local.get $p))))
        (local.set $prev (local.get $p))
        (local.set $p (i32.load (local.get $p)))
        (br $scan)))
    ;; a new block at the top: 8-byte header, then the payload
    (local.set $p (i32.add (global.get $top) (i32.const 8)))
    (local.set $end (i32.add (local.get $p) (local.get $size)))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq
              (memory.grow
                (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 0xffff))
                  (i32.const 16)))
              (i32.const -1))
          (then (return (i32.const 0))))))
    (i32.store (i32.sub (local.get $p) (i32.const 8)) (local.get $size))
    (global.set $top (local.get $end))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (local.get $p))

  (func (export "dealloc") (param $p i32) (param $size i32)
    (if (i32.eqz (local.get $p)) (then (return)))
    (if (i32.eqz (global.get $live)) (then (return)))
    (i32.store (local.get $p) (global.get $free))
    (global.set $free (local.get $p))
    (global.set $live (i32.sub (global.get $live) (i32.const 1)))
    (if (i32.eqz (global.get $live))
      (then
        (global.set $top (global.get $heap_base))
        (global.set $free (i32.const 0)))))

  (func (export "process")
    (param $in i32) (param $len i32) (param $out i32) (param $len_ptr i32) (result i32)
    (local $i i32)
    (if (i32.eqz (local.get $len_ptr)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $len_ptr)))
      (then
        (i32.store (local.get $len_ptr) (local.get $len))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (local.get $out) (local.get $i))
          (i32.xor (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0x5a)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $len_ptr) (local.get $len))
    (i32.const 0))
)
