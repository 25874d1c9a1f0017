;; b64-encode: standard base64 (RFC 4648, "+/" alphabet, "=" padding), hand-written in WAT.
;; No imports. "Zen" -> "WmVu", "Z" -> "Wg==".
(module
  (memory (export "memory") 1)
  (data (i32.const 1024) "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  (data (i32.const 1100) "b64-encode v0.1.0\00")

  (func (export "plugin_info") (result i32)
    (i32.const 1100))

  ;; the encoded size: 4 output bytes for every started group of 3
  (func $padded_len (param $len i32) (result i32)
    (i32.mul (i32.div_u (i32.add (local.get $len) (i32.const 2)) (i32.const 3)) (i32.const 4)))

  (func $sextet (param $n i32) (param $shift i32) (result i32)
    (i32.load8_u offset=1024
      (i32.and (i32.shr_u (local.get $n) (local.get $shift)) (i32.const 63))))

  (func (export "process")
    (param $in i32) (param $len i32) (param $out i32) (param $len_ptr i32) (result i32)
    (local $i i32) (local $o i32) (local $n i32) (local $rem i32)
    (if (i32.eqz (local.get $len_ptr)) (then (return (i32.const -1))))
    ;; inputs above 1.5 GiB would overflow the size computation
    (if (i32.gt_u (local.get $len) (i32.const 0x5ffffffd)) (then (return (i32.const -1))))
    (if (i32.gt_u (call $padded_len (local.get $len)) (i32.load (local.get $len_ptr)))
      (then
        ;; tell the host how much room the encoding takes: 4/3 of the input
        (i32.store (local.get $len_ptr)
          (i32.div_u (i32.mul (local.get $len) (i32.const 4)) (i32.const 3)))
        (return (i32.const -3))))
    ;; whole groups of 3
    (block $done
      (loop $groups
        (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const 3)) (local.get $len)))
        (local.set $n
          (i32.or
            (i32.or
              (i32.shl (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 16))
              (i32.shl (i32.load8_u offset=1 (i32.add (local.get $in) (local.get $i))) (i32.const 8)))
            (i32.load8_u offset=2 (i32.add (local.get $in) (local.get $i)))))
        (i32.store8 (i32.add (local.get $out) (local.get $o)) (call $sextet (local.get $n) (i32.const 18)))
        (i32.store8 offset=1 (i32.add (local.get $out) (local.get $o)) (call $sextet (local.get $n) (i32.const 12)))
        (i32.store8 offset=2 (i32.add (local.get $out) (local.get $o)) (call $sextet (local.get $n) (i32.const 6)))
        (i32.store8 offset=3 (i32.add (local.get $out) (local.get $o)) (call $sextet (local.get $n) (i32.const 0)))
        (local.set $i (i32.add (local.get $i) (i32.const 3)))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $groups)))
    ;; the last 1 or 2 bytes, padded
    (local.set $rem (i32.sub (local.get $len) (local.get $i)))
    (if (i32.ne (local.get $rem) (i32.const 0))
      (then
        (local.set $n (i32.shl (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 16)))
        (if (i32.eq (local.get $rem) (i32.const 2))
          (then
            (local.set $n
              (i32.or (local.get $n)
                (i32.shl (i32.load8_u offset=1 (i32.add (local.get $in) (local.get $i))) (i32.const 8))))))
        (i32.store8 (i32.add (local.get $out) (local.get $o)) (call $sextet (local.get $n) (i32.const 18)))
        (i32.store8 offset=1 (i32.add (local.get $out) (local.get $o)) (call $sextet (local.get $n) (i32.const 12)))
        (i32.store8 offset=2 (i32.add (local.get $out) (local.get $o))
          (select (call $sextet (local.get $n) (i32.const 6)) (i32.const 61)
            (i32.eq (local.get $rem) (i32.const 2))))
        (i32.store8 offset=3 (i32.add (local.get $out) (local.get $o)) (i32.const 61))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))))
    (i32.store (local.get $len_ptr) (local.get $o))
    (i32.const 0))
)
