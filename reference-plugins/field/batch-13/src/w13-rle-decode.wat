;; w13-rle-decode: expands run-length encoded bytes (the byte-pair format of simple
;; bitmap and sensor-log encoders): each pair (count, byte) with count 1..255 becomes
;; count copies of byte, so the output can be up to 127.5 times the input.
;;
;; An odd length or a zero count is -1 (the whole input is checked first). The empty
;; input gives the empty output. The runs are expanded straight into the output buffer
;; in one pass; when a run no longer fits, the call returns -3 with an estimate of the
;; size (what is written, plus this run, plus 2 bytes per input byte left), without a
;; second pass over the input. No imports, no heap.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "w13-rle-decode v0.9.2\00")

  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x000902))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $i i32) (local $o i32) (local $c i32)
    (if (i32.and (local.get $n) (i32.const 1)) (then (return (i32.const -1))))
    ;; validate: no zero counts
    (block $valid
      (loop $check
        (br_if $valid (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eqz (i32.load8_u (i32.add (local.get $in) (local.get $i)))) (then (return (i32.const -1))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $check)))
    (local.set $cap (i32.load (local.get $cell)))
    (local.set $i (i32.const 0))
    (block $done
      (loop $run
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (i32.gt_u (i32.add (local.get $o) (local.get $c)) (local.get $cap))
          (then
            ;; out of room: estimate the rest at 2 bytes out per byte in
            (i32.store (local.get $cell)
              (i32.add (i32.add (local.get $o) (local.get $c))
                       (i32.shl (i32.sub (i32.sub (local.get $n) (local.get $i)) (i32.const 2)) (i32.const 1))))
            (return (i32.const -3))))
        (memory.fill (i32.add (local.get $out) (local.get $o))
                     (i32.load8_u offset=1 (i32.add (local.get $in) (local.get $i)))
                     (local.get $c))
        (local.set $o (i32.add (local.get $o) (local.get $c)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $run)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
