;; ucs2le: UTF-8 text to UCS-2 little-endian (two bytes per character, no BOM), for legacy
;; consumers that take only the Basic Multilingual Plane: "Hé€" -> 48 00 e9 00 ac 20.
;; Input must be valid UTF-8 (overlongs, surrogates and truncated sequences are -1), and
;; characters above U+FFFF cannot be written in UCS-2, so 4-byte sequences are -1 as well.
;; Two passes: $conv counts the units, then writes them. No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "ucs2le v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  ;; Decodes in[0..n); when $w is set, writes each unit at out. Returns the output size in
  ;; bytes, or -1 for input that is not BMP UTF-8.
  (func $conv (param $in i32) (param $n i32) (param $out i32) (param $w i32) (result i32)
    (local $i i32) (local $o i32) (local $c i32) (local $c1 i32) (local $c2 i32) (local $cp i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.lt_u (local.get $c) (i32.const 0x80))
        (then
          (local.set $cp (local.get $c))
          (local.set $i (i32.add (local.get $i) (i32.const 1))))
        (else
          (if (i32.and (i32.ge_u (local.get $c) (i32.const 0xc2)) (i32.le_u (local.get $c) (i32.const 0xdf)))
            (then
              (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (i32.const 2)) (then (return (i32.const -1))))
              (local.set $c1 (i32.load8_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 1))))
              (if (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
              (local.set $cp (i32.or (i32.shl (i32.and (local.get $c) (i32.const 0x1f)) (i32.const 6))
                                     (i32.and (local.get $c1) (i32.const 0x3f))))
              (local.set $i (i32.add (local.get $i) (i32.const 2))))
            (else
              (if (i32.eqz (i32.and (i32.ge_u (local.get $c) (i32.const 0xe0)) (i32.le_u (local.get $c) (i32.const 0xef))))
                (then (return (i32.const -1))))
              (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (i32.const 3)) (then (return (i32.const -1))))
              (local.set $c1 (i32.load8_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 1))))
              (local.set $c2 (i32.load8_u (i32.add (i32.add (local.get $in) (local.get $i)) (i32.const 2))))
              (if (i32.ne (i32.and (local.get $c1) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
              (if (i32.ne (i32.and (local.get $c2) (i32.const 0xc0)) (i32.const 0x80)) (then (return (i32.const -1))))
              (local.set $cp (i32.or (i32.or
                (i32.shl (i32.and (local.get $c) (i32.const 0x0f)) (i32.const 12))
                (i32.shl (i32.and (local.get $c1) (i32.const 0x3f)) (i32.const 6)))
                (i32.and (local.get $c2) (i32.const 0x3f))))
              ;; overlong (below U+0800) or a surrogate
              (if (i32.lt_u (local.get $cp) (i32.const 0x800)) (then (return (i32.const -1))))
              (if (i32.eq (i32.and (local.get $cp) (i32.const 0xf800)) (i32.const 0xd800)) (then (return (i32.const -1))))
              (local.set $i (i32.add (local.get $i) (i32.const 3)))))))
      (if (local.get $w)
        (then (i32.store16 (i32.add (local.get $out) (local.get $o)) (local.get $cp))))
      (local.set $o (i32.add (local.get $o) (i32.const 2)))
      (br $next)))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    ;; 2 bytes per input byte at most; more than 2 GiB cannot be counted in the cell
    (if (i32.gt_u (local.get $n) (i32.const 0x7fffffff)) (then (return (i32.const -1))))
    (local.set $need (call $conv (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.eq (local.get $need) (i32.const -1)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (drop (call $conv (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store16 (local.get $cell) (local.get $need))
    (i32.const 0))
)
