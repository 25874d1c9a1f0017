;; nul-strip: removes every NUL (0x00) byte, e.g. the padding of fixed-width records or the
;; zero high bytes left when UTF-16 text was read as bytes:  "a\00b\00\00c" -> "abc".
;; Every other byte is copied unchanged; any input is accepted, the empty input (or one of
;; only NULs) gives the empty output. -3 names the count of non-NUL bytes.
;; The memory is the environment's (as in the usual wasm examples that import env.memory)
;; and is re-exported as "memory" for the host. No heap, no allocator, no other imports.
(module
  (import "env" "memory" (memory 1))
  (export "memory" (memory 0))
  (data (i32.const 16) "nul-strip v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $need i32) (local $o i32) (local $c i32)
    (block $counted (loop $count
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.load8_u (i32.add (local.get $in) (local.get $i)))
        (then (local.set $need (i32.add (local.get $need) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $count)))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (local.set $i (i32.const 0))
    (block $copied (loop $copy
      (br_if $copied (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (local.get $c)
        (then
          (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $c))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $copy)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0))
)
