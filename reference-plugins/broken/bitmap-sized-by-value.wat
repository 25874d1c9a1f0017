;; Deduplicates one decimal u32 (its digits, alone; anything else is -1) with a bitmap of one bit
;; per value up to it, grown at the end of memory: the memory a call takes is set by a number
;; in its input, not by its size. "4294967295" (ten bytes) asks for 512 MiB.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-bitmap v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (local $digit i32)
    (local $value i64)
    (if (i32.or (i32.eqz (local.get $len)) (i32.gt_u (local.get $len) (i32.const 10)))
      (then (return (i32.const -1))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $digit
          (i32.sub (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 48)))
        (if (i32.gt_u (local.get $digit) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $value
          (i64.add (i64.mul (local.get $value) (i64.const 10)) (i64.extend_i32_u (local.get $digit))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (i64.gt_u (local.get $value) (i64.const 4294967295)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    ;; One bit per value: value / 8 bytes, in pages.
    (if (i32.lt_s
          (memory.grow (i32.wrap_i64 (i64.add (i64.shr_u (local.get $value) (i64.const 19)) (i64.const 1))))
          (i32.const 0))
      (then (return (i32.const -99))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
