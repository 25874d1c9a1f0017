;; Reverses its input the way a first draft does: each byte goes in at the front of the output,
;; after moving what is already there one place up. Correct, and linear-looking on small input,
;; but it moves n*n/2 bytes: 2 GB for 64 KiB (a fraction of a second), 550 GB for 1 MiB (minutes).
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "reverse v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (memory.copy (i32.add (local.get $out) (i32.const 1)) (local.get $out) (local.get $i))
        (i32.store8 (local.get $out) (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store align=1 (local.get $cell) (local.get $len))
    (i32.const 0)))
