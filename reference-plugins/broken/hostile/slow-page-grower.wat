;; HOSTILE: process grows memory one page at a time, spinning between grows, and never stops:
;; the growth a thread's termination cannot interrupt. Refused at the memory limit.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $spin i32)
    (loop $grow
      (drop (memory.grow (i32.const 1)))
      (local.set $spin (i32.const 20000))
      (loop $wait
        (local.set $spin (i32.sub (local.get $spin) (i32.const 1)))
        (br_if $wait (local.get $spin)))
      (br $grow))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
