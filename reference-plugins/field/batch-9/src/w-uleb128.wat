;; uleb128: decimal numbers to unsigned LEB128 (the varint of DWARF, WebAssembly and
;; protobuf), for packing id lists: "1 127 128 300\n" -> 01 7f 80 01 ac 02.
;; Numbers are u32 (0..4294967295), separated by spaces, tabs, CR or LF; anything else, or a
;; value past the u32 range, is -1. Empty input (or separators only) gives empty output.
;; Two passes over the text: count the bytes, then write them. No heap, no imports.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "uleb128 v1.1.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010100))

  (func $is_sep (param $c i32) (result i32)
    (i32.or (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 9)))
            (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13)))))

  ;; Parses the numbers in in[0..n) and encodes them at out when $w is set. Returns the
  ;; encoded size, or -1 for bad input.
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $w i32) (result i32)
    (local $i i32) (local $o i32) (local $c i32) (local $v i64) (local $x i32) (local $b i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (call $is_sep (local.get $c))
        (then (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $next)))
      ;; one number: digits up to a separator or the end
      (local.set $v (i64.const 0))
      (block $num_end (loop $digit
        (br_if $num_end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (br_if $num_end (call $is_sep (local.get $c)))
        (if (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $v (i64.add (i64.mul (local.get $v) (i64.const 10))
                               (i64.extend_i32_u (i32.sub (local.get $c) (i32.const 48)))))
        (if (i64.gt_u (local.get $v) (i64.const 0xffffffff)) (then (return (i32.const -1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $digit)))
      ;; 7 bits per byte, low group first; the high bit says another byte follows
      (local.set $x (i32.wrap_i64 (local.get $v)))
      (loop $group
        (local.set $b (i32.and (local.get $x) (i32.const 0x7f)))
        (local.set $x (i32.shr_s (local.get $x) (i32.const 7)))
        (if (local.get $x) (then (local.set $b (i32.or (local.get $b) (i32.const 0x80)))))
        (if (local.get $w) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (local.get $b))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br_if $group (local.get $x)))
      (br $next)))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $run (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.lt_s (local.get $need) (i32.const 0)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (drop (call $run (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
