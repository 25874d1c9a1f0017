;; fnv-hex: the 64-bit FNV-1a hash of the input as 16 lowercase hex digits ("af63dc4c8601ec8c"
;; for "a"). Any bytes are accepted. Exports alloc/dealloc: an arena that bumps and starts over
;; from its base whenever the last live block is freed (the host frees everything after each
;; call), 8-byte aligned, alloc(0) is an 8-byte block; memory is capped at 4096 pages.
(module
  (memory (export "memory") 1 4096)
  (data (i32.const 16) "fnv-hex v1.0.0\00")
  (data (i32.const 48) "0123456789abcdef")
  (global $base i32 (i32.const 1024))
  (global $top (mut i32) (i32.const 1024))
  (global $live (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "alloc") (param $size i32) (result i32)
    (local $p i32) (local $end i32) (local $have i32)
    (if (i32.gt_u (local.get $size) (i32.const 0x10000000)) (then (return (i32.const 0))))
    (if (i32.eqz (local.get $size)) (then (local.set $size (i32.const 8))))
    (local.set $p (i32.and (i32.add (global.get $top) (i32.const 7)) (i32.const -8)))
    (local.set $end (i32.add (local.get $p) (local.get $size)))
    (local.set $have (i32.shl (memory.size) (i32.const 16)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535)) (i32.const 16)))
                    (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $top (local.get $end))
    (global.set $live (i32.add (global.get $live) (i32.const 1)))
    (local.get $p))

  (func (export "dealloc") (param $p i32) (param $size i32)
    (if (i32.eqz (local.get $p)) (then (return)))
    (if (i32.eqz (global.get $live)) (then (return)))
    (global.set $live (i32.sub (global.get $live) (i32.const 1)))
    (if (i32.eqz (global.get $live)) (then (global.set $top (global.get $base)))))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $h i64) (local $i i32) (local $k i32)
    (if (i32.lt_u (i32.load (local.get $cell)) (i32.const 16))
      (then (i32.store (local.get $cell) (i32.const 16)) (return (i32.const -3))))
    (local.set $h (i64.const 0xcbf29ce484222325))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $h (i64.mul (i64.xor (local.get $h) (i64.load8_u (i32.add (local.get $in) (local.get $i))))
                             (i64.const 0x100000001b3)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (local.set $k (i32.const 0))
    (loop $hx
      (i32.store8 (i32.add (local.get $out) (i32.sub (i32.const 15) (local.get $k)))
        (i32.load8_u (i32.add (i32.const 48) (i32.wrap_i64 (i64.and (local.get $h) (i64.const 15))))))
      (local.set $h (i64.shr_u (local.get $h) (i64.const 4)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $hx (i32.lt_u (local.get $k) (i32.const 16))))
    (i32.store (local.get $cell) (i32.const 16))
    (i32.const 0))
)
