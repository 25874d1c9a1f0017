;; A decimal byte value (0 to 255) to its class letter from a 256-entry table. The range check
;; is `v > 256` where `v >= 256` was meant, so "256" gets past it and reaches the table's bounds
;; check (written as compiled Rust writes one: `unreachable` past the end), trapping where it
;; should return -1. Every other value in or out of range is right.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "byte-class v1.0.0\00")
  ;; the table: 256 class letters at 256 (c = control, d = digit, l = letter, p = other)
  (data (i32.const 256)
    "cccccccccccccccccccccccccccccccc" "pppppppppppppppp" "ddddddddddpppppp"
    "plllllllllllllllllllllllllllpppp" "plllllllllllllllllllllllllllpppc"
    "pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp"
    "pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $v i32) (local $i i32) (local $d i32)
    (if (i32.eqz (local.get $len))
      (then (i32.store align=1 (local.get $cell) (i32.const 0)) (return (i32.const 0))))
    (if (i32.gt_u (local.get $len) (i32.const 6)) (then (return (i32.const -1))))
    (block $done
      (loop $digits
        (br_if $done (i32.eq (local.get $i) (local.get $len)))
        (local.set $d (i32.sub (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 48)))
        (if (i32.gt_u (local.get $d) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $v (i32.add (i32.mul (local.get $v) (i32.const 10)) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $digits)))
    (if (i32.gt_u (local.get $v) (i32.const 256)) (then (return (i32.const -1))))
    (if (i32.lt_u (i32.load align=1 (local.get $cell)) (i32.const 1))
      (then (i32.store align=1 (local.get $cell) (i32.const 1)) (return (i32.const -3))))
    ;; the table's bounds check
    (if (i32.ge_u (local.get $v) (i32.const 256)) (then (unreachable)))
    (i32.store8 (local.get $out) (i32.load8_u (i32.add (i32.const 256) (local.get $v))))
    (i32.store align=1 (local.get $cell) (i32.const 1))
    (i32.const 0))
)
