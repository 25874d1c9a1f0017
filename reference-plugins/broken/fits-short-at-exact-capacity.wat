;; Copies its input, the way C code that formats with snprintf(out, cap, "%s", in) does: the
;; size check is `len > cap` (-3 with the needed size), but snprintf keeps the last byte of the
;; buffer for its NUL. With room to spare the output is right and the NUL lands past
;; *output_len, in the scratch the ABI allows; at exactly the needed size, what the host passes
;; when it retries after -3, the last byte of the output is a 0x00 and the call still returns 0.
;; Every byte it claims is written (ZC-CALL-014 holds) and nothing lands outside the buffer.
;; Fails ZC-CALL-019, and ZC-CALL-010 (should: the retry with the size -3 named differs).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "fits-short-at-exact-capacity v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $n i32) (local $i i32)
    (local.set $cap (i32.load (local.get $cell)))
    (if (i32.gt_u (local.get $len) (local.get $cap))
      (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
    ;; snprintf writes at most cap - 1 characters, then the NUL.
    (local.set $n (local.get $len))
    (if (i32.ge_u (local.get $n) (local.get $cap))
      (then (local.set $n (i32.sub (local.get $cap) (i32.const 1)))))
    (block $done
      (loop $copy
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (local.get $out) (local.get $i))
          (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (if (i32.gt_u (local.get $cap) (i32.const 0))
      (then (i32.store8 (i32.add (local.get $out) (local.get $n)) (i32.const 0))))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0)))
