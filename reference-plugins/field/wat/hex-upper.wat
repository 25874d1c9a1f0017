;; hex-upper: uppercase hexadecimal encoding, two digits per byte, high nibble first.
;; "Zen" -> "5A656E". No imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "0123456789ABCDEF")
  (data (i32.const 1040) "hex-upper v1.0.0\00")

  (func (export "plugin_info") (result i32)
    (i32.const 1040))

  (func (export "plugin_version") (result i32)
    (i32.const 0x010000))

  (func (export "process")
    (param $in i32) (param $len i32) (param $out i32) (param $len_ptr i32) (result i32)
    (local $i i32) (local $b i32) (local $p i32)
    (if (i32.eqz (local.get $len_ptr)) (then (return (i32.const -1))))
    (if (i32.ge_u (local.get $len) (i32.const 0x80000000)) (then (return (i32.const -1))))
    ;; not enough room for two digits per byte
    (if (i32.gt_u (i32.shl (local.get $len) (i32.const 1)) (i32.load (local.get $len_ptr)))
      (then (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 1))))
        (i32.store8 (local.get $p)
          (i32.load8_u offset=1024 (i32.shr_u (local.get $b) (i32.const 4))))
        (i32.store8 offset=1 (local.get $p)
          (i32.load8_u offset=1024 (i32.and (local.get $b) (i32.const 15))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $len_ptr) (i32.shl (local.get $len) (i32.const 1)))
    (i32.const 0))
)
