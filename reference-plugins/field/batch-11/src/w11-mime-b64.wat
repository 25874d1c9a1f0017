;; mime-b64: base64 for MIME bodies (RFC 2045): the standard alphabet with '=' padding, in
;; lines of 76 characters, each line (the last one too) ending in CRLF:
;;   "hello" -> "aGVsbG8=\r\n", "" -> "", 58 bytes -> one 76-char line + "\r\n" + 4 + "\r\n".
;; Any bytes are accepted.
;; Sizes: E = 4 * ceil(n / 3) characters in L = ceil(E / 76) lines: E + 2L bytes.
;; A host whose buffer has no room for the line breaks still gets valid base64: when the
;; capacity is below E + 2L but at least E, the encoding is written on one line without
;; CRLFs (RFC 4648 form). Only below E does it return -3, naming E, the smallest size
;; that works.
;; No heap, no imports, no state. Memory: [16, 40) info, [64, 128) the alphabet.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "mime-b64 v2.0.1\00")
  (data (i32.const 64) "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  (global $o (mut i32) (i32.const 0))
  (global $col (mut i32) (i32.const 0))
  (global $wrap (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x020001))

  ;; writes one output character, breaking the line first when it is full
  (func $put (param $out i32) (param $c i32)
    (if (i32.and (global.get $wrap) (i32.eq (global.get $col) (i32.const 76)))
      (then
        (i32.store16 align=1 (i32.add (local.get $out) (global.get $o)) (i32.const 0x0a0d))
        (global.set $o (i32.add (global.get $o) (i32.const 2)))
        (global.set $col (i32.const 0))))
    (i32.store8 (i32.add (local.get $out) (global.get $o)) (local.get $c))
    (global.set $o (i32.add (global.get $o) (i32.const 1)))
    (global.set $col (i32.add (global.get $col) (i32.const 1))))

  (func $sym (param $v i32) (result i32)
    (i32.load8_u (i32.add (i32.const 64) (i32.and (local.get $v) (i32.const 63)))))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $e i64) (local $lines i64) (local $full i64) (local $cap i64) (local $i i32)
    (local $v i32) (local $rest i32)
    (local.set $e (i64.mul (i64.div_u (i64.add (i64.extend_i32_u (local.get $n)) (i64.const 2)) (i64.const 3))
                           (i64.const 4)))
    (local.set $lines (i64.div_u (i64.add (local.get $e) (i64.const 75)) (i64.const 76)))
    (local.set $full (i64.add (local.get $e) (i64.shl (local.get $lines) (i64.const 1))))
    (if (i64.gt_u (local.get $full) (i64.const 0xffffffff)) (then (return (i32.const -1))))
    (local.set $cap (i64.extend_i32_u (i32.load align=1 (local.get $cell))))
    (if (i64.ge_u (local.get $cap) (local.get $full))
      (then (global.set $wrap (i32.const 1)))
      (else
        (if (i64.lt_u (local.get $cap) (local.get $e))
          (then
            (i32.store align=1 (local.get $cell) (i32.wrap_i64 (local.get $e)))
            (return (i32.const -3))))
        (global.set $wrap (i32.const 0))))
    (global.set $o (i32.const 0))
    (global.set $col (i32.const 0))
    ;; whole groups of 3 bytes
    (block $groups (loop $group
      (br_if $groups (i32.gt_u (i32.add (local.get $i) (i32.const 3)) (local.get $n)))
      (local.set $v (i32.or (i32.or
        (i32.shl (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 16))
        (i32.shl (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 1)))) (i32.const 8)))
        (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 2))))))
      (call $put (local.get $out) (call $sym (i32.shr_u (local.get $v) (i32.const 18))))
      (call $put (local.get $out) (call $sym (i32.shr_u (local.get $v) (i32.const 12))))
      (call $put (local.get $out) (call $sym (i32.shr_u (local.get $v) (i32.const 6))))
      (call $put (local.get $out) (call $sym (local.get $v)))
      (local.set $i (i32.add (local.get $i) (i32.const 3)))
      (br $group)))
    ;; the padded tail
    (local.set $rest (i32.sub (local.get $n) (local.get $i)))
    (if (local.get $rest)
      (then
        (local.set $v (i32.shl (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 16)))
        (if (i32.eq (local.get $rest) (i32.const 2))
          (then (local.set $v (i32.or (local.get $v)
            (i32.shl (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 1)))) (i32.const 8))))))
        (call $put (local.get $out) (call $sym (i32.shr_u (local.get $v) (i32.const 18))))
        (call $put (local.get $out) (call $sym (i32.shr_u (local.get $v) (i32.const 12))))
        (if (i32.eq (local.get $rest) (i32.const 2))
          (then (call $put (local.get $out) (call $sym (i32.shr_u (local.get $v) (i32.const 6)))))
          (else (call $put (local.get $out) (i32.const 61))))
        (call $put (local.get $out) (i32.const 61))))
    ;; the last line's CRLF
    (if (i32.and (global.get $wrap) (i32.ne (global.get $o) (i32.const 0)))
      (then
        (i32.store16 align=1 (i32.add (local.get $out) (global.get $o)) (i32.const 0x0a0d))
        (global.set $o (i32.add (global.get $o) (i32.const 2)))))
    (i32.store align=1 (local.get $cell) (global.get $o))
    (i32.const 0))
)
