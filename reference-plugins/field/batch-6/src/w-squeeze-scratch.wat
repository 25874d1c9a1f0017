;; squeeze: collapses every run of ASCII blanks (spaces and tabs) into one space; all other
;; bytes are copied. Any bytes are accepted; the output is never longer than the input. No
;; allocator: the host grows its own pages.
;; When the capacity holds the whole input, the input is bulk-copied into the output buffer
;; (memory.copy) and squeezed in place there: fast for text with few runs, and the bytes left
;; after the result are scratch (the ABI lets a plugin use the capacity past *output_len).
;; With a smaller capacity it measures first and writes only what fits, or returns -3.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "squeeze v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func $blank (param $b i32) (result i32)
    (i32.or (i32.eq (local.get $b) (i32.const 0x20)) (i32.eq (local.get $b) (i32.const 0x09))))

  ;; Squeezes src[0..n) into dst (dst <= src or disjoint); with $write = 0 only counts.
  ;; Returns the result length.
  (func $squeeze (param $src i32) (param $n i32) (param $dst i32) (param $write i32) (result i32)
    (local $i i32) (local $o i32) (local $b i32) (local $prev_blank i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $b (i32.load8_u (i32.add (local.get $src) (local.get $i))))
      (if (call $blank (local.get $b))
        (then
          (if (i32.eqz (local.get $prev_blank))
            (then
              (if (local.get $write) (then (i32.store8 (i32.add (local.get $dst) (local.get $o)) (i32.const 0x20))))
              (local.set $o (i32.add (local.get $o) (i32.const 1)))))
          (local.set $prev_blank (i32.const 1)))
        (else
          (if (local.get $write) (then (i32.store8 (i32.add (local.get $dst) (local.get $o)) (local.get $b))))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))
          (local.set $prev_blank (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $cap i32) (local $need i32)
    (local.set $cap (i32.load (local.get $cell)))
    (if (i32.ge_u (local.get $cap) (local.get $n))
      (then
        ;; whole input fits: copy, then squeeze in place inside the output buffer
        (memory.copy (local.get $out) (local.get $in) (local.get $n))
        (i32.store (local.get $cell)
          (call $squeeze (local.get $out) (local.get $n) (local.get $out) (i32.const 1)))
        (return (i32.const 0))))
    (local.set $need (call $squeeze (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.gt_u (local.get $need) (local.get $cap))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (i32.store (local.get $cell)
      (call $squeeze (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.const 0))
)
