;; Copies its input, and for input longer than 64 KiB appends a trailer "#<n>" where n is the
;; number of milliseconds the copy took (two WASI clock_time_get readings, one before and one
;; after): the output depends on the host's clock. Only a duration is written, never a
;; timestamp, so only a host whose clock moves differently between reads shows it.
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "copy-timed v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func $now (result i64)
    (drop (call $clock (i32.const 1) (i64.const 1) (i32.const 64)))
    (i64.load (i32.const 64)))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $start i64) (local $ms i32) (local $trailer i32) (local $n i32) (local $k i32)
    (local.set $start (call $now))
    (if (i32.gt_u (local.get $len) (i32.const 65536))
      (then
        (local.set $ms (i32.wrap_i64 (i64.div_u (i64.sub (call $now) (local.get $start)) (i64.const 1000000))))
        ;; "#" and the decimal digits of $ms.
        (local.set $trailer (i32.const 1))
        (local.set $n (local.get $ms))
        (loop $count
          (local.set $trailer (i32.add (local.get $trailer) (i32.const 1)))
          (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
          (br_if $count (local.get $n)))))
    (if (i32.gt_u (i32.add (local.get $len) (local.get $trailer)) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (i32.add (local.get $len) (local.get $trailer)))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (if (local.get $trailer)
      (then
        (i32.store8 (i32.add (local.get $out) (local.get $len)) (i32.const 35))
        (local.set $n (local.get $ms))
        (local.set $k (local.get $trailer))
        (loop $write
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (i32.store8 (i32.add (i32.add (local.get $out) (local.get $len)) (local.get $k))
            (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
          (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
          (br_if $write (i32.gt_u (local.get $k) (i32.const 1))))))
    (i32.store (local.get $cell) (i32.add (local.get $len) (local.get $trailer)))
    (i32.const 0))
)
