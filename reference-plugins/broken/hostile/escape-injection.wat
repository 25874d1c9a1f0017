;; HOSTILE: tries to take over the terminal the report is printed on: its plugin_info holds an
;; escape sequence, and process writes a screen clear, a window title, a fake green PASS line,
;; a NUL and a right-to-left override to stderr and to host_log. The report must show all of it
;; as visible escapes; ZC-INFO-002 fails on the name.
(module
  (import "env" "host_log" (func $log (param i32 i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "esc\1b[2J v1.2.3\00")
  (data (i32.const 64) "\1b[2J\1b]0;pwned\07\1b[32m  PASS  every rule\1b[0m\00\e2\80\ae\0a")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (i32.store (i32.const 256) (i32.const 64))
    (i32.store (i32.const 260) (i32.const 46))
    (drop (call $fd_write (i32.const 2) (i32.const 256) (i32.const 1) (i32.const 264)))
    (call $log (i32.const 64) (i32.const 46))
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))
)
