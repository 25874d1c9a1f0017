;; w13-u8-f32: 8-bit samples (pixels, sensor bytes) -> float32 tensor in [0, 1].
;;
;; Every byte b becomes the little-endian f32 b / 255 (computed in f32), so the output is
;; exactly 4 bytes per input byte and the empty input gives the empty output. Every input
;; is accepted; -3 stores the exact size 4n. No imports, no heap, no alloc: init fills a
;; 256-entry f32 table in the module's own first page (at 1024, past the info string),
;; which the calls copy from with unaligned i32 stores (the host may place the output at
;; any address). The memory declares a maximum of 4096 pages (256 MiB), which leaves the
;; host room for 1 MiB of input and its 4 MiB of output many times over. cleanup is a
;; no-op; plugin_version agrees with plugin_info.
(module
  (memory (export "memory") 1 4096)
  (data (i32.const 16) "w13-u8-f32 v1.0.0\00")

  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "init") (result i32)
    (local $b i32)
    (loop $fill
      (f32.store offset=1024 (i32.shl (local.get $b) (i32.const 2))
        (f32.div (f32.convert_i32_u (local.get $b)) (f32.const 255)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $b) (i32.const 256))))
    (i32.const 0))

  (func (export "cleanup"))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $need i32)
    (if (i32.gt_u (local.get $n) (i32.const 0x3fffffff)) (then (return (i32.const -2))))
    (local.set $need (i32.shl (local.get $n) (i32.const 2)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (i32.load offset=1024 (i32.shl (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
