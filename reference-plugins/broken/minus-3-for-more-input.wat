;; A stream decoder written for chunked input (LEB128, UTF-8, a length prefix) maps "the input
;; ends inside an item" to -3, as if more room would help, and stores what it consumed (here 0)
;; in *output_len. -3 says the output does not fit; *output_len at or below the capacity it had
;; sends a host that retries as told round again for ever. Here: an echo that wants its last
;; byte below 0x80 (a continuation bit clear). Fails ZC-CALL-015 even though the ample-capacity
;; call never succeeds for those inputs (there is no needed size to compare with).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (if (i32.and (i32.ne (local.get $len) (i32.const 0))
          (i32.ge_u (i32.load8_u (i32.sub (i32.add (local.get $in) (local.get $len)) (i32.const 1)))
            (i32.const 0x80)))
      (then
        (i32.store (local.get $cell) (i32.const 0))
        (return (i32.const -3))))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
