;; lowercase-bump: lowercases ASCII letters; other bytes pass through.
;;
;; Exports alloc/dealloc so the host's buffers come from a small bump allocator above the
;; static data (page 0). The heap is reset once every block has been given back.
(module
  (memory (export "memory") 2)
  (data (i32.const 1024) "lowercase-bump v0.2.0\00")

  (global $heap_base i32 (i32.const 65536))
  (global $top (mut i32) (i32.const 65536))
  (global $live (mut i32) (i32.const 0))

  (func (export "plugin_info") (result i32)
    (i32.const 1024))

  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32) (local $end i32) (local $have i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x7fff0000)) (then (return (i32.const 0))))
    (local.set $p (global.get $top))
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
    ;; keep blocks 8-aligned
    (global.set $top
      (i32.add (global.get $top) (i32.shl (i32.shr_u (local.get $size) (i32.const 3)) (i32.const 3))))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (local.get $p))

  (func (export "dealloc") (param $p i32) (param $size i32)
    (if (i32.eqz (local.get $p)) (then (return)))
    (if (i32.eqz (global.get $live)) (then (return)))
    (global.set $live (i32.sub (global.get $live) (i32.const 1)))
    (if (i32.eqz (global.get $live))
      (then (global.set $top (global.get $heap_base)))))

  (func (export "process")
    (param $in i32) (param $len i32) (param $out i32) (param $len_ptr i32) (result i32)
    (local $i i32) (local $b i32)
    (if (i32.eqz (local.get $len_ptr)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $len_ptr)))
      (then
        (i32.store (local.get $len_ptr) (local.get $len))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (i32.lt_u (i32.sub (local.get $b) (i32.const 65)) (i32.const 26))
          (then (local.set $b (i32.or (local.get $b) (i32.const 32)))))
        (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $b))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $len_ptr) (local.get $len))
    (i32.const 0))
)
