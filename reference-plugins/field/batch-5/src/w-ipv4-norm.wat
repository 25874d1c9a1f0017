;; ipv4-norm: validates and normalises a list of IPv4 addresses, one per line: four decimal
;; octets of 1 to 3 digits, each at most 255, separated by dots. Leading zeros are dropped
;; ("010.001.000.255" -> "10.1.0.255") and every address ends in LF in the output. Empty lines
;; (LF or CRLF) are skipped; any other line makes the whole input -1, so almost anything but an
;; address list is rejected. Pass 1 validates and sizes, pass 2 writes.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "ipv4-norm v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  ;; one pass over the input; writes when $write is 1. Returns the output size, or -1.
  (func $run (param $in i32) (param $n i32) (param $out i32) (param $write i32) (result i32)
    (local $i i32) (local $o i32) (local $oct i32) (local $digits i32) (local $val i32) (local $c i32)
    (local $ls i32)
    (block $done (loop $line
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $ls (local.get $i))
      ;; empty line?
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.eq (local.get $c) (i32.const 10))
        (then (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $line)))
      (if (i32.eq (local.get $c) (i32.const 13))
        (then
          (if (i32.and (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))
                       (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.add (local.get $i) (i32.const 1)))) (i32.const 10)))
            (then (local.set $i (i32.add (local.get $i) (i32.const 2))) (br $line)))
          (return (i32.const -1))))
      ;; four octets
      (local.set $oct (i32.const 0))
      (block $octs (loop $octl
        (local.set $digits (i32.const 0))
        (local.set $val (i32.const 0))
        (block $dd (loop $dl
          (br_if $dd (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
          (br_if $dd (i32.ge_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10)))
          (local.set $val (i32.add (i32.mul (local.get $val) (i32.const 10)) (i32.sub (local.get $c) (i32.const 48))))
          (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
          (if (i32.gt_u (local.get $digits) (i32.const 3)) (then (return (i32.const -1))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $dl)))
        (if (i32.or (i32.eqz (local.get $digits)) (i32.gt_u (local.get $val) (i32.const 255)))
          (then (return (i32.const -1))))
        ;; write the octet without leading zeros
        (if (i32.ge_u (local.get $val) (i32.const 100))
          (then
            (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.add (i32.const 48) (i32.div_u (local.get $val) (i32.const 100))))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))))
        (if (i32.ge_u (local.get $val) (i32.const 10))
          (then
            (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.add (i32.const 48) (i32.rem_u (i32.div_u (local.get $val) (i32.const 10)) (i32.const 10))))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))))
        (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.add (i32.const 48) (i32.rem_u (local.get $val) (i32.const 10))))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (local.set $oct (i32.add (local.get $oct) (i32.const 1)))
        (br_if $octs (i32.eq (local.get $oct) (i32.const 4)))
        ;; a dot must follow
        (if (i32.ge_u (local.get $i) (local.get $n)) (then (return (i32.const -1))))
        (if (i32.ne (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 46)) (then (return (i32.const -1))))
        (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 46))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $octl)))
      ;; end of line: LF, CRLF or the end of the input
      (if (i32.lt_u (local.get $i) (local.get $n))
        (then
          (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
          (if (i32.eq (local.get $c) (i32.const 13))
            (then
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (if (i32.ge_u (local.get $i) (local.get $n)) (then (return (i32.const -1))))
              (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))))
          (if (i32.ne (local.get $c) (i32.const 10)) (then (return (i32.const -1))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))))
      (if (local.get $write) (then (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (br $line)))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $run (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.lt_s (local.get $need) (i32.const 0)) (then (return (i32.const -1))))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (drop (call $run (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
