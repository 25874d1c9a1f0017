;; count-words: counts the words of the input (runs of bytes other than ASCII whitespace:
;; space, \t, \n, \v, \f, \r) and writes the count in decimal with a newline: "3\n".
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "count-words v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func $is_ws (param $c i32) (result i32)
    (i32.or (i32.eq (local.get $c) (i32.const 32))
            (i32.and (i32.ge_u (local.get $c) (i32.const 9)) (i32.le_u (local.get $c) (i32.const 13)))))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $words i32) (local $inword i32) (local $ws i32)
    (local $len i32) (local $v i32) (local $p i32)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))   ;; nothing to count
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $ws (call $is_ws (i32.load8_u (i32.add (local.get $in) (local.get $i)))))
      (if (i32.and (i32.eqz (local.get $ws)) (i32.eqz (local.get $inword)))
        (then (local.set $words (i32.add (local.get $words) (i32.const 1)))))
      (local.set $inword (i32.eqz (local.get $ws)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    ;; digits + newline
    (local.set $len (i32.const 2))
    (local.set $v (local.get $words))
    (block $d (loop $dl
      (br_if $d (i32.lt_u (local.get $v) (i32.const 10)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (local.set $len (i32.add (local.get $len) (i32.const 1)))
      (br $dl)))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
    (local.set $p (i32.add (local.get $out) (i32.sub (local.get $len) (i32.const 1))))
    (i32.store8 (local.get $p) (i32.const 10))
    (local.set $v (local.get $words))
    (loop $wl
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $wl (i32.ne (local.get $v) (i32.const 0))))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
