;; Echo with a "debug" mode: an input holding three or more '#' logs one 64-byte message per
;; input byte, so a long such input floods past the per-call limit. No canned call holds three:
;; the flood is met by another rule's calls (ZC-INFO-004's large inputs at seed 42), and a
;; replay of that rule alone must still show it.
(module
  (import "env" "host_log" (func $log (param i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  ;; How many '#' the input holds.
  (func $hashes (param $in i32) (param $len i32) (result i32)
    (local $i i32) (local $n i32)
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 35))
          (then (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (local.get $n))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (if (i32.ge_u (call $hashes (local.get $in) (local.get $len)) (i32.const 3))
      (then
        (loop $again
          (call $log (i32.const 16) (i32.const 64))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $again (i32.lt_u (local.get $i) (local.get $len))))))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
