;; Doubles every "{" (a template escaper). Its size pass counts the braces of the first 4096
;; bytes only (a scan limit meant for a quick estimate), so for a longer input the needed size
;; it checks, and names with -3, is short; the write loop checks every byte against the real
;; capacity, as a bounds-checked language does, and traps there (unreachable) rather than write
;; past. A host retrying with the size it was told crashes the plugin.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "brace-double v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func $estimate (param $in i32) (param $n i32) (result i32)
    (local $i i32) (local $scan i32) (local $need i32)
    (local.set $scan (select (local.get $n) (i32.const 4096) (i32.lt_u (local.get $n) (i32.const 4096))))
    (local.set $need (local.get $n))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $scan)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0x7b))
        (then (local.set $need (i32.add (local.get $need) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $need))
  (func $put (param $out i32) (param $at i32) (param $cap i32) (param $byte i32)
    (if (i32.ge_u (local.get $at) (local.get $cap)) (then unreachable))
    (i32.store8 (i32.add (local.get $out) (local.get $at)) (local.get $byte)))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $need i32) (local $i i32) (local $at i32) (local $b i32)
    (local.set $cap (i32.load align=1 (local.get $cell)))
    (local.set $need (call $estimate (local.get $in) (local.get $n)))
    (if (i32.gt_u (local.get $need) (local.get $cap))
      (then (i32.store align=1 (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (call $put (local.get $out) (local.get $at) (local.get $cap) (local.get $b))
      (local.set $at (i32.add (local.get $at) (i32.const 1)))
      (if (i32.eq (local.get $b) (i32.const 0x7b))
        (then
          (call $put (local.get $out) (local.get $at) (local.get $cap) (local.get $b))
          (local.set $at (i32.add (local.get $at) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.store align=1 (local.get $cell) (local.get $at))
    (i32.const 0)))
