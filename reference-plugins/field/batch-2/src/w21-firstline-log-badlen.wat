;; firstline: outputs the input up to (not including) its first '\n'; logs the line it found.
;; BUG: with no '\n' the index stays -1 and host_log gets length 0xffffffff.
(module
  (import "env" "host_log" (func $log (param i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 1024) "firstline v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 1024))
  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $nl i32) (local $len i32)
    (local.set $nl (i32.const -1))
    (block $done (loop $scan
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
        (then (local.set $nl (local.get $i)) (br $done)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (local.set $len (select (local.get $n) (local.get $nl) (i32.eq (local.get $nl) (i32.const -1))))
    (call $log (local.get $in) (local.get $nl))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0)))
