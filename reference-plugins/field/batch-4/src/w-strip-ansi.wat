;; strip-ansi: removes terminal escape sequences from captured console output: CSI sequences
;; (ESC '[' parameters final-byte) and two-byte escapes (ESC + one byte). Other bytes are kept.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "strip-ansi v1.2.0\00")
  (global $st (mut i32) (i32.const 0))   ;; scanner state: 0 text, 1 after ESC, 2 inside CSI
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010200))

  ;; feeds one byte to the scanner; returns 1 when the byte is text to keep
  (func $step (param $c i32) (result i32)
    (if (i32.eq (global.get $st) (i32.const 0))
      (then
        (if (i32.eq (local.get $c) (i32.const 27))
          (then (global.set $st (i32.const 1)) (return (i32.const 0))))
        (return (i32.const 1))))
    (if (i32.eq (global.get $st) (i32.const 1))
      (then
        (global.set $st (select (i32.const 2) (i32.const 0) (i32.eq (local.get $c) (i32.const 91))))
        (return (i32.const 0))))
    ;; inside CSI: a byte 0x40..0x7e ends it
    (if (i32.and (i32.ge_u (local.get $c) (i32.const 0x40)) (i32.le_u (local.get $c) (i32.const 0x7e)))
      (then (global.set $st (i32.const 0))))
    (i32.const 0))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $o i32) (local $cap i32) (local $c i32)
    (local.set $cap (i32.load (local.get $cell)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (call $step (local.get $c))
        (then
          (if (i32.lt_u (local.get $o) (local.get $cap))
            (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $c))))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (i32.store (local.get $cell) (local.get $o))
    (select (i32.const -3) (i32.const 0) (i32.gt_u (local.get $o) (local.get $cap))))
)
