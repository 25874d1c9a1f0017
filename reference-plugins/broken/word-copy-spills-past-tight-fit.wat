;; A copy that moves four bytes at a time when there is room to spare, and byte by byte when
;; the output fits exactly. Its fast path checks for "some slack" (capacity > length), but a
;; word store at the last partial word needs up to three bytes of it: at the needed size plus
;; one or two, the last i32.store writes past the output buffer. Ample and exact capacities are
;; right, so only a capacity just over the needed size shows it (ZC-CALL-006).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $k i32) (local $word i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (if (i32.gt_u (i32.load (local.get $cell)) (local.get $len))
      (then
        ;; fast path: gather up to four input bytes into a word (never reading past the input)
        ;; and store the whole word, the last one too
        (block $done
          (loop $words
            (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
            (local.set $word (i32.const 0))
            (local.set $k (i32.const 0))
            (block $gathered
              (loop $bytes
                (br_if $gathered (i32.ge_u (local.get $k) (i32.const 4)))
                (br_if $gathered (i32.ge_u (i32.add (local.get $i) (local.get $k)) (local.get $len)))
                (local.set $word (i32.or (local.get $word)
                  (i32.shl (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (local.get $k))))
                    (i32.mul (local.get $k) (i32.const 8)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $bytes)))
            (i32.store (i32.add (local.get $out) (local.get $i)) (local.get $word))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $words))))
      (else
        (memory.copy (local.get $out) (local.get $in) (local.get $len))))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
