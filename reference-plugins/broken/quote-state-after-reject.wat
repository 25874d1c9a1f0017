;; A key=value formatter with a narrow format: input starts with a lowercase letter and holds
;; an '='; it is copied with what is inside double quotes upper-cased. The quote state is a
;; global the scan toggles, cleared "for the next call" on the success path only: an input it
;; rejects (no '=') that ends inside a quote leaves the next, accepted call starting quoted.
;; Only a call the plugin accepts, after one it rejected, shows it: generated inputs are
;; almost all rejected, and two rejections compare equal.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "kv-quote v1.0.0\00")
  (global $quoted (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $seen i32)
    (if (i32.eqz (local.get $len)) (then (return (i32.const -1))))
    (local.set $c (i32.load8_u (local.get $in)))
    (if (i32.or (i32.lt_u (local.get $c) (i32.const 0x61)) (i32.gt_u (local.get $c) (i32.const 0x7a)))
      (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
        (if (i32.eq (local.get $c) (i32.const 0x22))
          (then (global.set $quoted (i32.eqz (global.get $quoted)))))
        (if (i32.eq (local.get $c) (i32.const 0x3d)) (then (local.set $seen (i32.const 1))))
        (if (i32.and (global.get $quoted)
              (i32.and (i32.ge_u (local.get $c) (i32.const 0x61)) (i32.le_u (local.get $c) (i32.const 0x7a))))
          (then (local.set $c (i32.sub (local.get $c) (i32.const 0x20)))))
        (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $c))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (i32.eqz (local.get $seen)) (then (return (i32.const -1))))
    (global.set $quoted (i32.const 0))
    (i32.store align=1 (local.get $cell) (local.get $len))
    (i32.const 0)))
