;; hexdump: two lowercase hex digits per input byte, then a space, or a newline after every
;; 16th byte and after the last one. The output is exactly 3x the input:
;;   "Zen" -> "5a 65 6e\n"
;; No imports at all, no allocator: the host places every buffer.
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "0123456789abcdef")
  (data (i32.const 1040) "hexdump v1.0.0\00")

  (func (export "plugin_info") (result i32)
    (i32.const 1040))

  (func (export "plugin_version") (result i32)
    (i32.const 0x010000))

  (func (export "process")
    (param $in i32) (param $len i32) (param $out i32) (param $len_ptr i32) (result i32)
    (local $i i32) (local $b i32) (local $p i32) (local $needed i32)
    (if (i32.eqz (local.get $len_ptr)) (then (return (i32.const -1))))
    ;; 3 * len must fit in 32 bits
    (if (i32.gt_u (local.get $len) (i32.const 0x55555555)) (then (return (i32.const -1))))
    (local.set $needed (i32.mul (local.get $len) (i32.const 3)))
    (if (i32.gt_u (local.get $needed) (i32.load (local.get $len_ptr)))
      (then
        (i32.store (local.get $len_ptr) (local.get $needed))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $p (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 3))))
        (i32.store8 (local.get $p)
          (i32.load8_u offset=1024 (i32.shr_u (local.get $b) (i32.const 4))))
        (i32.store8 offset=1 (local.get $p)
          (i32.load8_u offset=1024 (i32.and (local.get $b) (i32.const 15))))
        (i32.store8 offset=2 (local.get $p)
          (select (i32.const 10) (i32.const 32)
            (i32.or
              (i32.eq (i32.and (local.get $i) (i32.const 15)) (i32.const 15))
              (i32.eq (i32.add (local.get $i) (i32.const 1)) (local.get $len)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $len_ptr) (local.get $needed))
    (i32.const 0))
)
