;; crlf2lf: normalises Windows line breaks: every CR LF pair becomes a single LF; a CR that is
;; not followed by LF (old Mac line break, or a progress-bar CR) is kept as it is. Any bytes are
;; accepted; the output is never longer than the input. No allocator: the host grows its own
;; pages. A counting pass gives the size, so nothing is written when it does not fit.
;; plugin_version packs the version as major*10000 + minor*100 + patch (1.2.3 -> 10203).
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "crlf2lf v1.2.3\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 10203))

  ;; 1 when in[i] is a CR and in[i+1] exists and is LF
  (func $crlf_at (param $in i32) (param $n i32) (param $i i32) (result i32)
    (if (i32.ne (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 0x0D))
      (then (return (i32.const 0))))
    (if (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
      (then (return (i32.const 0))))
    (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 1)))) (i32.const 0x0A)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $need i32) (local $o i32)
    ;; size: one byte less for every CR LF pair
    (local.set $need (local.get $n))
    (block $d1 (loop $l1
      (br_if $d1 (i32.ge_u (local.get $i) (local.get $n)))
      (if (call $crlf_at (local.get $in) (local.get $n) (local.get $i))
        (then (local.set $need (i32.sub (local.get $need) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l1)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (local.set $i (i32.const 0))
    (block $d2 (loop $l2
      (br_if $d2 (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eqz (call $crlf_at (local.get $in) (local.get $n) (local.get $i)))
        (then
          (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.load8_u (i32.add (local.get $in) (local.get $i))))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l2)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
