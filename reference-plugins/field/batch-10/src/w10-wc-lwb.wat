;; wc-lwb: the counts of `wc` for the input, as one line "lines words bytes\n":
;;   "hello world\nbye\n" -> "2 3 16\n"
;; Lines are LF bytes (a last line without LF is not counted, as in wc); words are runs of
;; bytes other than ASCII whitespace (space, \t \n \v \f \r). Any input is accepted; the
;; empty input gives "0 0 0\n". -3 names the length of that line.
;; init() builds the 256-byte whitespace table, cleanup() clears it again; process() refuses
;; with -99 if init has not run. No heap, no imports.
;; Memory: [16, 40) info, [256, 512) the table.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "wc-lwb v1.0.0\00")
  (global $ready (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func (export "init") (result i32)
    (memory.fill (i32.const 256) (i32.const 0) (i32.const 256))
    (i32.store8 (i32.const 288) (i32.const 1))              ;; ' '
    (i32.store8 (i32.const 265) (i32.const 1))              ;; \t
    (i32.store8 (i32.const 266) (i32.const 1))              ;; \n
    (i32.store8 (i32.const 267) (i32.const 1))              ;; \v
    (i32.store8 (i32.const 268) (i32.const 1))              ;; \f
    (i32.store8 (i32.const 269) (i32.const 1))              ;; \r
    (global.set $ready (i32.const 1))
    (i32.const 0))

  (func (export "cleanup") (result i32)
    (memory.fill (i32.const 256) (i32.const 0) (i32.const 256))
    (global.set $ready (i32.const 0))
    (i32.const 0))

  ;; number of decimal digits of v
  (func $ndigits (param $v i32) (result i32) (local $d i32)
    (local.set $d (i32.const 1))
    (block $end (loop $more
      (br_if $end (i32.lt_u (local.get $v) (i32.const 10)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $more)))
    (local.get $d))

  ;; writes v in decimal at p, returns p just past it
  (func $put (param $p i32) (param $v i32) (result i32) (local $end i32) (local $q i32)
    (local.set $end (i32.add (local.get $p) (call $ndigits (local.get $v))))
    (local.set $q (local.get $end))
    (loop $digit
      (local.set $q (i32.sub (local.get $q) (i32.const 1)))
      (i32.store8 (local.get $q) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (local.get $end))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $lines i32) (local $words i32) (local $inword i32)
    (local $ws i32) (local $need i32) (local $p i32)
    (if (i32.eqz (global.get $ready)) (then (return (i32.const -99))))
    (block $done (loop $scan
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.eq (local.get $c) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (local.set $ws (i32.load8_u (i32.add (i32.const 256) (local.get $c))))
      (if (i32.and (i32.eqz (local.get $ws)) (i32.eqz (local.get $inword)))
        (then (local.set $words (i32.add (local.get $words) (i32.const 1)))))
      (local.set $inword (i32.eqz (local.get $ws)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (local.set $need (i32.add (i32.const 3)
      (i32.add (call $ndigits (local.get $lines))
        (i32.add (call $ndigits (local.get $words)) (call $ndigits (local.get $n))))))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (local.set $p (call $put (local.get $out) (local.get $lines)))
    (i32.store8 (local.get $p) (i32.const 32))
    (local.set $p (call $put (i32.add (local.get $p) (i32.const 1)) (local.get $words)))
    (i32.store8 (local.get $p) (i32.const 32))
    (local.set $p (call $put (i32.add (local.get $p) (i32.const 1)) (local.get $n)))
    (i32.store8 (local.get $p) (i32.const 10))
    (i32.store align=1 (local.get $cell) (local.get $need))
    (i32.const 0))
)
