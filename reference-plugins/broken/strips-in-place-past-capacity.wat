;; Removes markup tags (every '<...>' span; a '<' never closed is -1), the way C that works in
;; place does: it sizes the output, checks the capacity against that size (-3 with it), then
;; copies the whole input into the output buffer and compacts it there. When the output is
;; shorter than the input (there were tags) and the capacity is below the input's length,
;; exactly the needed size among them, the copy writes past the buffer; with room for the
;; input, or an input without tags, every call is right. Fails ZC-CALL-006 on the spec's edge
;; input of markup and entities, at exactly its needed size.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "strips-in-place-past-capacity v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $o i32) (local $inside i32) (local $needed i32) (local $c i32)
    ;; The output's size: every byte outside a tag.
    (block $sized
      (loop $size
        (br_if $sized (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (local.get $inside)
          (then (if (i32.eq (local.get $c) (i32.const 62)) (then (local.set $inside (i32.const 0)))))
          (else
            (if (i32.eq (local.get $c) (i32.const 60))
              (then (local.set $inside (i32.const 1)))
              (else (local.set $needed (i32.add (local.get $needed) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $size)))
    (if (local.get $inside) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $needed) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $needed)) (return (i32.const -3))))
    ;; Copy, then compact in place.
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (local.set $i (i32.const 0))
    (block $done
      (loop $compact
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $out) (local.get $i))))
        (if (local.get $inside)
          (then (if (i32.eq (local.get $c) (i32.const 62)) (then (local.set $inside (i32.const 0)))))
          (else
            (if (i32.eq (local.get $c) (i32.const 60))
              (then (local.set $inside (i32.const 1)))
              (else
                (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $c))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $compact)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0)))
