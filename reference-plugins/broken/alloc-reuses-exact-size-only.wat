;; An allocator whose free list gives a freed block back only to a request of exactly its size
;; (rounded to 8 bytes), as a hand-written "recycle the last buffer" allocator does: a host that
;; asks the same sizes call after call sees memory stay flat, but the host's input and output
;; buffers change size with every input, and each new size takes new memory. Every call is
;; right (process copies its input). Fails ZC-ALLOC-004: 4096 pairs at sizes that change every
;; time grow memory by tens of pages.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "alloc-reuses-exact-size-only v1.0.0\00")
  (global $top (mut i32) (i32.const 65536))
  ;; The freed blocks, each holding the next one's address in its first word.
  (global $free (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))

  ;; A block is an 8-byte header (its rounded size) and then its bytes.
  (func (export "alloc") (param $size i32) (result i32)
    (local $need i32) (local $at i32) (local $prev i32) (local $end i32) (local $have i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x7ffffff0)) (then (return (i32.const 0))))
    (local.set $need (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8)))
    (if (i32.eqz (local.get $need)) (then (local.set $need (i32.const 8))))
    (local.set $at (global.get $free))
    (block $none
      (loop $search
        (br_if $none (i32.eqz (local.get $at)))
        (if (i32.eq (i32.load (i32.sub (local.get $at) (i32.const 8))) (local.get $need))
          (then
            (if (local.get $prev)
              (then (i32.store (local.get $prev) (i32.load (local.get $at))))
              (else (global.set $free (i32.load (local.get $at)))))
            (return (local.get $at))))
        (local.set $prev (local.get $at))
        (local.set $at (i32.load (local.get $at)))
        (br $search)))
    (local.set $at (global.get $top))
    (local.set $end (i32.add (local.get $at) (i32.add (local.get $need) (i32.const 8))))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535)) (i32.const 16)))
                    (i32.const -1))
          (then (return (i32.const 0))))))
    (i32.store (local.get $at) (local.get $need))
    (global.set $top (local.get $end))
    (i32.add (local.get $at) (i32.const 8)))

  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (if (i32.lt_u (local.get $ptr) (i32.const 65544)) (then (return)))
    (i32.store (local.get $ptr) (global.get $free))
    (global.set $free (local.get $ptr)))

  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0)))
