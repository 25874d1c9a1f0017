;; HOSTILE: process writes 64 MiB to stderr through WASI fd_write, the same 64 KiB 1024 times:
;; a flood that would outlast any deadline if the host read all of it. The host stops the call
;; at the per-call log limit, before reading the bytes.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-echo v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010203))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $round i32)
    (loop $flood
      ;; one iovec at 64: { ptr = 0, len = 65536 }, written count at 72
      (i32.store (i32.const 64) (i32.const 0))
      (i32.store (i32.const 68) (i32.const 65536))
      (drop (call $fd_write (i32.const 2) (i32.const 64) (i32.const 1) (i32.const 72)))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $flood (i32.lt_u (local.get $round) (i32.const 1024))))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
