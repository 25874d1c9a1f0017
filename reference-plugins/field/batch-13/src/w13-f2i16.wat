;; w13-f2i16: audio samples as decimal text -> 16-bit PCM.
;;
;; One sample per line: an optional '-', digits with an optional fraction ("0.5", "-.25",
;; "1"; at most 17 fraction digits count, further ones are ignored), LF or CRLF line ends,
;; empty lines skipped, anything else -1. Each sample x is scaled by 32767, rounded to
;; nearest (ties to even), clamped to -32768..32767 and written as a little-endian int16,
;; so the output is 2 bytes per sample. -3 stores the exact size 2 * samples.
;; No imports, no heap: two passes over the input (validate and count, then convert).
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "w13-f2i16 v1.0.0\00")

  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  ;; Parses [p, e) as a decimal number; NaN if it is not one.
  (func $parse (param $p i32) (param $e i32) (result f64)
    (local $neg i32) (local $dot i32) (local $nd i32) (local $fd i32) (local $c i32)
    (local $v f64) (local $f f64) (local $scale f64)
    (local.set $scale (f64.const 1))
    (if (i32.and (i32.lt_u (local.get $p) (local.get $e))
                 (i32.eq (i32.load8_u (local.get $p)) (i32.const 45)))
      (then (local.set $neg (i32.const 1))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $e)))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.eq (local.get $c) (i32.const 46))
          (then
            (if (local.get $dot) (then (return (f64.const nan))))
            (local.set $dot (i32.const 1)))
          (else
            (local.set $c (i32.sub (local.get $c) (i32.const 48)))
            (if (i32.gt_u (local.get $c) (i32.const 9)) (then (return (f64.const nan))))
            (local.set $nd (i32.add (local.get $nd) (i32.const 1)))
            (if (i32.eqz (local.get $dot))
              (then (local.set $v (f64.add (f64.mul (local.get $v) (f64.const 10))
                                           (f64.convert_i32_u (local.get $c)))))
              (else
                (if (i32.lt_u (local.get $fd) (i32.const 17))
                  (then
                    (local.set $f (f64.add (f64.mul (local.get $f) (f64.const 10))
                                           (f64.convert_i32_u (local.get $c))))
                    (local.set $scale (f64.mul (local.get $scale) (f64.const 10)))
                    (local.set $fd (i32.add (local.get $fd) (i32.const 1)))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (if (i32.eqz (local.get $nd)) (then (return (f64.const nan))))
    (local.set $v (f64.add (local.get $v) (f64.div (local.get $f) (local.get $scale))))
    (if (result f64) (local.get $neg)
      (then (f64.neg (local.get $v)))
      (else (local.get $v))))

  ;; Walks the lines of [in, in+n). With $write = 0 it only validates; otherwise it writes
  ;; one int16 per sample at $out. Returns the sample count, or -1.
  (func $walk (param $in i32) (param $n i32) (param $out i32) (param $write i32) (result i32)
    (local $i i32) (local $e i32) (local $le i32) (local $end i32) (local $count i32)
    (local $v f64) (local $s i32)
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (local.set $i (local.get $in))
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $e (local.get $i))
        (block $eol
          (loop $scan
            (br_if $eol (i32.ge_u (local.get $e) (local.get $end)))
            (br_if $eol (i32.eq (i32.load8_u (local.get $e)) (i32.const 10)))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $scan)))
        (local.set $le (local.get $e))
        (if (i32.gt_u (local.get $le) (local.get $i))
          (then (if (i32.eq (i32.load8_u (i32.sub (local.get $le) (i32.const 1))) (i32.const 13))
                  (then (local.set $le (i32.sub (local.get $le) (i32.const 1)))))))
        (if (i32.gt_u (local.get $le) (local.get $i))
          (then
            (local.set $v (call $parse (local.get $i) (local.get $le)))
            (if (f64.ne (local.get $v) (local.get $v)) (then (return (i32.const -1))))
            (if (local.get $write)
              (then
                (local.set $s (i32.trunc_f64_s (f64.nearest (f64.mul (local.get $v) (f64.const 32767)))))
                (if (i32.gt_s (local.get $s) (i32.const 32767)) (then (local.set $s (i32.const 32767))))
                (if (i32.lt_s (local.get $s) (i32.const -32768)) (then (local.set $s (i32.const -32768))))
                (i32.store16 (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 1)))
                             (local.get $s))))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $i (i32.add (local.get $e) (i32.const 1)))
        (br $line)))
    (local.get $count))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $count i32) (local $need i32)
    (local.set $count (call $walk (local.get $in) (local.get $n) (local.get $out) (i32.const 0)))
    (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $need (i32.shl (local.get $count) (i32.const 1)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (if (local.get $need)
      (then (drop (call $walk (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
