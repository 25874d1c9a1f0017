;; Widens each input byte to UTF-16LE (Latin-1 to UCS-2: twice the input), but writes the count
;; back with a 16-bit store: *output_len keeps the high half of the capacity the host put
;; there. Where room and output differ in their high half (a small output in 64 Ki bytes or
;; more of room) it names bytes it never wrote; with room just above the needed size (twice
;; the input and a little) the halves agree, and the count comes out right.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "wat-ucs2 v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (local $need i32)
    (local.set $need (i32.shl (local.get $len) (i32.const 1)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store16
          (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 1)))
          (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store16 (local.get $cell) (local.get $need))
    (i32.const 0))
)
