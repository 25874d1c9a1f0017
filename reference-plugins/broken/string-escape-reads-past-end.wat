;; Minifies JSON-ish text: drops whitespace outside double-quoted strings. Inside a string, a
;; backslash and the byte after it are copied together, without checking that there is a
;; byte after it: input ending in `"a\` reads one byte past its end (a trap when the input
;; ends at the end of memory, a neighbour's byte elsewhere).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "json-minify v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  ;; One pass that writes when $write is 1, and returns the output length either way.
  (func $minify (param $in i32) (param $len i32) (param $out i32) (param $write i32) (result i32)
    (local $i i32) (local $n i32) (local $b i32) (local $quoted i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (local.get $quoted)
          (then
            (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $n)) (local.get $b))))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (if (i32.eq (local.get $b) (i32.const 92))
              (then
                ;; THE BUG: the escaped byte is read even when the backslash was the last one.
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (local.set $b (i32.load8_u (i32.add (local.get $in) (local.get $i))))
                (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $n)) (local.get $b))))
                (local.set $n (i32.add (local.get $n) (i32.const 1))))
              (else
                (if (i32.eq (local.get $b) (i32.const 34)) (then (local.set $quoted (i32.const 0)))))))
          (else
            (if (i32.eq (local.get $b) (i32.const 34)) (then (local.set $quoted (i32.const 1))))
            (if (i32.eqz (i32.or (i32.or (i32.eq (local.get $b) (i32.const 32)) (i32.eq (local.get $b) (i32.const 10)))
                                 (i32.or (i32.eq (local.get $b) (i32.const 9)) (i32.eq (local.get $b) (i32.const 13)))))
              (then
                (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $n)) (local.get $b))))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $minify (local.get $in) (local.get $len) (i32.const 0) (i32.const 0)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (drop (call $minify (local.get $in) (local.get $len) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
