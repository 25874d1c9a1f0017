;; urlencode: percent-encodes bytes for a URL query component (RFC 3986): the unreserved
;; characters A-Z a-z 0-9 - . _ ~ are copied, every other byte becomes %XX (upper-case hex).
;; Any bytes are accepted; empty input gives empty output. No allocator: the host grows its
;; own pages.
;; One pass: $emit writes a byte while it fits and always advances the cursor, so at the end
;; the cursor is the size the output needs, whether it fitted or not.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "urlencode v1.0.0\00")
  (data (i32.const 48) "0123456789ABCDEF")
  (global $out (mut i32) (i32.const 0))
  (global $cap (mut i32) (i32.const 0))
  (global $pos (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func $emit (param $b i32)
    (if (i32.lt_u (global.get $pos) (global.get $cap))
      (then (i32.store8 (i32.add (global.get $out) (global.get $pos)) (local.get $b))))
    (global.set $pos (i32.add (global.get $pos) (i32.const 1))))

  (func $unreserved (param $b i32) (result i32)
    (if (i32.lt_u (i32.sub (local.get $b) (i32.const 0x41)) (i32.const 26)) (then (return (i32.const 1))))
    (if (i32.lt_u (i32.sub (local.get $b) (i32.const 0x61)) (i32.const 26)) (then (return (i32.const 1))))
    (if (i32.lt_u (i32.sub (local.get $b) (i32.const 0x30)) (i32.const 10)) (then (return (i32.const 1))))
    (if (i32.eq (local.get $b) (i32.const 0x2D)) (then (return (i32.const 1))))   ;; -
    (if (i32.eq (local.get $b) (i32.const 0x2E)) (then (return (i32.const 1))))   ;; .
    (if (i32.eq (local.get $b) (i32.const 0x5F)) (then (return (i32.const 1))))   ;; _
    (i32.eq (local.get $b) (i32.const 0x7E)))                                     ;; ~

  (func (export "process") (param $in i32) (param $n i32) (param $outp i32) (param $cell i32) (result i32)
    (local $i i32) (local $b i32)
    (global.set $out (local.get $outp))
    (global.set $cap (i32.load (local.get $cell)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (call $unreserved (local.get $b))
        (then (call $emit (local.get $b)))
        (else
          (call $emit (i32.const 0x25))
          (call $emit (i32.load8_u (i32.add (i32.const 48) (i32.shr_u (local.get $b) (i32.const 4)))))
          (call $emit (i32.load8_u (i32.add (i32.const 48) (i32.and (local.get $b) (i32.const 15)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.store (local.get $cell) (global.get $pos))
    (if (i32.gt_u (global.get $pos) (global.get $cap))
      (then (return (i32.const -3))))
    ;; done: leave the cursor at 0 for the next call
    (global.set $pos (i32.const 0))
    (i32.const 0))
)
