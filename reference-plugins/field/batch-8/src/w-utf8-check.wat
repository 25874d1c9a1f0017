;; utf8-check: a UTF-8 validator for a pipeline's first stage. The output is always empty:
;; rc 0 (with *output_len 0) when the input is valid UTF-8 (RFC 3629: no overlong forms, no
;; surrogates, nothing past U+10FFFF, no truncated sequence), -1 otherwise. Empty input is
;; valid. The output buffer is never touched, so any capacity, 0 included, is enough.
;; A table-driven DFA: a 256-byte class table and a 9-state transition table live in data
;; segments at 256 and 512. The memory declares a maximum of 16384 pages (1 GiB), which
;; leaves the host room for its buffers. No heap, no imports.
(module
  (memory (export "memory") 1 16384)
  (data (i32.const 16) "utf8-check v3.1.4\00")
  (data (i32.const 256) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00")
  (data (i32.const 288) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00")
  (data (i32.const 320) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00")
  (data (i32.const 352) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00")
  (data (i32.const 384) "\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\02\02\02\02\02\02\02\02\02\02\02\02\02\02\02\02")
  (data (i32.const 416) "\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03\03")
  (data (i32.const 448) "\0b\0b\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04\04")
  (data (i32.const 480) "\05\06\06\06\06\06\06\06\06\06\06\06\06\07\06\06\08\09\09\09\0a\0b\0b\0b\0b\0b\0b\0b\0b\0b\0b\0b")
  (data (i32.const 512) "\00\01\01\01\02\04\03\05\06\07\08\01\01\01\01\01")
  (data (i32.const 528) "\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 544) "\01\00\00\00\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 560) "\01\02\02\02\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 576) "\01\01\01\02\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 592) "\01\02\02\01\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 608) "\01\01\03\03\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 624) "\01\03\03\03\01\01\01\01\01\01\01\01\01\01\01\01")
  (data (i32.const 640) "\01\03\01\01\01\01\01\01\01\01\01\01\01\01\01\01")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x030104))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $st i32)
    (block $done (loop $byte
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $st
        (i32.load8_u (i32.add (i32.const 512)
          (i32.add (i32.shl (local.get $st) (i32.const 4))
                   (i32.load8_u (i32.add (i32.const 256)
                     (i32.load8_u (i32.add (local.get $in) (local.get $i)))))))))
      (br_if $done (i32.eq (local.get $st) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $byte)))
    (if (local.get $st) (then (return (i32.const -1))))
    (i32.store (local.get $cell) (i32.const 0))
    (i32.const 0))
)
