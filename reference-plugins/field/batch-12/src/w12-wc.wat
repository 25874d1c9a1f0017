;; wc: counts lines, words and bytes like wc(1), as one line "<lines> <words> <bytes>\n",
;; for quick size statistics in a pipeline:
;;   "hello world\nbye\n" -> "2 3 16\n", "no newline" -> "0 2 10\n", "" -> "0 0 0\n".
;; Lines are LF bytes; words are runs of bytes other than ASCII whitespace (space, tab, LF,
;; VT, FF, CR). Any bytes are accepted; -3 names the exact size of the line.
;; Imports env.host_log: every successful call logs one line "wc: <bytes> bytes, <lines>
;; lines". To keep static memory free, that message is put together in the output buffer
;; right after the result (bytes past *output_len are the plugin's scratch, ABI.md says) and
;; logged from there. No heap, no state.
;; Memory: [16, 28) info, [32, 36) "wc: ", [40, 48) " bytes, ", [48, 54) " lines".
(module
  (import "env" "host_log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "wc v1.0.3\00")
  (data (i32.const 32) "wc: ")
  (data (i32.const 40) " bytes, ")
  (data (i32.const 48) " lines")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010003))

  ;; number of decimal digits of v
  (func $ndig (param $v i32) (result i32) (local $k i32)
    (local.set $k (i32.const 1))
    (block $done (loop $more
      (br_if $done (i32.lt_u (local.get $v) (i32.const 10)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $more)))
    (local.get $k))

  ;; writes the digits of v at d, returns d + digits
  (func $dec (param $d i32) (param $v i32) (result i32) (local $e i32) (local $p i32)
    (local.set $e (i32.add (local.get $d) (call $ndig (local.get $v))))
    (local.set $p (local.get $e))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (i32.gt_u (local.get $p) (local.get $d))))
    (local.get $e))

  (func $str (param $d i32) (param $s i32) (param $len i32) (result i32)
    (memory.copy (local.get $d) (local.get $s) (local.get $len))
    (i32.add (local.get $d) (local.get $len)))

  (func $is_space (param $c i32) (result i32)
    (i32.or (i32.eq (local.get $c) (i32.const 32))
            (i32.and (i32.ge_u (local.get $c) (i32.const 9)) (i32.le_u (local.get $c) (i32.const 13)))))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $lines i32) (local $words i32) (local $inword i32)
    (local $need i32) (local $p i32) (local $m i32)
    (block $counted (loop $scan
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (i32.load8_u (i32.add (local.get $in) (local.get $i))))
      (if (i32.eq (local.get $c) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (if (call $is_space (local.get $c))
        (then (local.set $inword (i32.const 0)))
        (else
          (if (i32.eqz (local.get $inword))
            (then (local.set $words (i32.add (local.get $words) (i32.const 1)))))
          (local.set $inword (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (local.set $need (i32.add (i32.const 3)
      (i32.add (call $ndig (local.get $lines))
        (i32.add (call $ndig (local.get $words)) (call $ndig (local.get $n))))))
    (if (i32.gt_u (local.get $need) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $need))
        (return (i32.const -3))))
    (local.set $p (call $dec (local.get $out) (local.get $lines)))
    (i32.store8 (local.get $p) (i32.const 32))
    (local.set $p (call $dec (i32.add (local.get $p) (i32.const 1)) (local.get $words)))
    (i32.store8 (local.get $p) (i32.const 32))
    (local.set $p (call $dec (i32.add (local.get $p) (i32.const 1)) (local.get $n)))
    (i32.store8 (local.get $p) (i32.const 10))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (i32.store align=1 (local.get $cell) (i32.sub (local.get $p) (local.get $out)))

    ;; the log line, in the scratch space after the result
    (local.set $m (call $str (local.get $p) (i32.const 32) (i32.const 4)))
    (local.set $m (call $dec (local.get $m) (local.get $n)))
    (local.set $m (call $str (local.get $m) (i32.const 40) (i32.const 8)))
    (local.set $m (call $dec (local.get $m) (local.get $lines)))
    (local.set $m (call $str (local.get $m) (i32.const 48) (i32.const 6)))
    (call $log (local.get $p) (i32.sub (local.get $m) (local.get $p)))
    (i32.const 0))
)
