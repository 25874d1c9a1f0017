;; line-crc: the CRC-32 (IEEE 802.3, as zlib's crc32) of every line as 8 lowercase hex
;; digits and a LF, to spot changed lines between two versions of a file:
;;   "123456789" -> "cbf43926\n", "hello\nworld\n" -> "3610a686\n3a771143\n",
;;   "\n\n" -> "00000000\n00000000\n", "" -> "".
;; Lines end at LF (not part of the line; a CR stays in it); a last line without LF counts.
;; Any bytes are accepted. The output is 9 bytes per line, so it can be 9 times the input
;; ("\n" x n); -3 names exactly 9 * lines.
;; Unusual but legal, per ABI.md:
;;  - init grows one page of its own and builds the 1 KiB CRC table there (the page
;;    memory.grow returns, before the host has grown memory for any buffer); process builds
;;    it the same way if a host never called init;
;;  - every call logs through env.host_log: one line for each of the first 8 lines
;;    ("line 1: 9 bytes, crc cbf43926") and a summary, so at most 9 short messages
;;    (< 600 bytes) per call whatever the input;
;;  - -2 if the table's page cannot be had (memory.grow refused); cleanup logs a goodbye.
;; Memory: [16, 40) info, [64, 80) hex digits, [96, 113) goodbye, [128, 256) log scratch,
;; [272, 326) log message pieces; the table page: 1 KiB of it used.
(module
  (import "env" "host_log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "line-crc v1.2.0\00")
  (data (i32.const 64) "0123456789abcdef")
  (data (i32.const 96) "line-crc: cleanup")
  ;; log message pieces
  (data (i32.const 272) "line ")          ;; 5
  (data (i32.const 280) ": ")             ;; 2
  (data (i32.const 288) " bytes, crc ")   ;; 12
  (data (i32.const 304) "line-crc: ")     ;; 10
  (data (i32.const 320) " lines")         ;; 6
  (global $table (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010200))

  ;; grows a page and fills it with the reflected CRC-32 table; 0 when memory is refused
  (func $build (result i32) (local $p i32) (local $t i32) (local $n i32) (local $c i32) (local $k i32)
    (if (global.get $table) (then (return (i32.const 1))))
    (local.set $p (memory.grow (i32.const 1)))
    (if (i32.eq (local.get $p) (i32.const -1)) (then (return (i32.const 0))))
    (local.set $t (i32.shl (local.get $p) (i32.const 16)))
    (block $done (loop $entry
      (br_if $done (i32.ge_u (local.get $n) (i32.const 256)))
      (local.set $c (local.get $n))
      (local.set $k (i32.const 0))
      (block $bits (loop $bit
        (br_if $bits (i32.ge_u (local.get $k) (i32.const 8)))
        (local.set $c (select
          (i32.xor (i32.shr_u (local.get $c) (i32.const 1)) (i32.const 0xedb88320))
          (i32.shr_u (local.get $c) (i32.const 1))
          (i32.and (local.get $c) (i32.const 1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $bit)))
      (i32.store (i32.add (local.get $t) (i32.shl (local.get $n) (i32.const 2))) (local.get $c))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $entry)))
    (global.set $table (local.get $t))
    (i32.const 1))

  (func (export "init") (result i32)
    (drop (call $build))
    (i32.const 0))

  (func (export "cleanup")
    (call $log (i32.const 96) (i32.const 17)))

  ;; the CRC-32 of [p, p + len)
  (func $crc (param $p i32) (param $len i32) (result i32) (local $c i32) (local $end i32)
    (local.set $c (i32.const -1))
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (block $done (loop $byte
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $c (i32.xor
        (i32.load (i32.add (global.get $table)
          (i32.shl (i32.and (i32.xor (local.get $c) (i32.load8_u (local.get $p))) (i32.const 0xff)) (i32.const 2))))
        (i32.shr_u (local.get $c) (i32.const 8))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $byte)))
    (i32.xor (local.get $c) (i32.const -1)))

  ;; 8 hex digits of v at d
  (func $hex8 (param $d i32) (param $v i32) (local $k i32)
    (local.set $k (i32.const 8))
    (loop $digit
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (i32.store8 (i32.add (local.get $d) (local.get $k))
        (i32.load8_u (i32.add (i32.const 64) (i32.and (local.get $v) (i32.const 15)))))
      (local.set $v (i32.shr_u (local.get $v) (i32.const 4)))
      (br_if $digit (local.get $k))))

  ;; decimal digits of v at d; returns the position after them
  (func $dec (param $d i32) (param $v i32) (result i32) (local $n i32) (local $t i32)
    (local.set $t (local.get $v))
    (loop $count
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (local.set $t (i32.div_u (local.get $t) (i32.const 10)))
      (br_if $count (local.get $t)))
    (local.set $t (i32.add (local.get $d) (local.get $n)))
    (loop $digit
      (local.set $t (i32.sub (local.get $t) (i32.const 1)))
      (i32.store8 (local.get $t) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (i32.gt_u (local.get $t) (local.get $d))))
    (i32.add (local.get $d) (local.get $n)))

  ;; copies len bytes from s to d; returns d + len
  (func $str (param $d i32) (param $s i32) (param $len i32) (result i32)
    (memory.copy (local.get $d) (local.get $s) (local.get $len))
    (i32.add (local.get $d) (local.get $len)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $lines i32) (local $i i32) (local $s i32) (local $need i64) (local $o i32)
    (local $line i32) (local $c i32) (local $d i32)
    (if (i32.eqz (call $build)) (then (return (i32.const -2))))
    ;; lines: one per LF, plus a last one without LF
    (block $counted (loop $scan
      (br_if $counted (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
    (if (local.get $n)
      (then (if (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $n) (i32.const 1)))) (i32.const 10))
        (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))))
    (local.set $need (i64.mul (i64.extend_i32_u (local.get $lines)) (i64.const 9)))
    (if (i64.gt_u (local.get $need) (i64.const 0xffffffff)) (then (return (i32.const -1))))
    (if (i64.gt_u (local.get $need) (i64.extend_i32_u (i32.load align=1 (local.get $cell))))
      (then
        (i32.store align=1 (local.get $cell) (i32.wrap_i64 (local.get $need)))
        (return (i32.const -3))))

    (local.set $i (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $line) (local.get $lines)))
      (local.set $s (local.get $i))
      (block $eol (loop $look
        (br_if $eol (i32.ge_u (local.get $i) (local.get $n)))
        (br_if $eol (i32.eq (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $look)))
      (local.set $c (call $crc (i32.add (local.get $in) (local.get $s)) (i32.sub (local.get $i) (local.get $s))))
      (call $hex8 (i32.add (local.get $out) (local.get $o)) (local.get $c))
      (i32.store8 (i32.add (local.get $out) (i32.add (local.get $o) (i32.const 8))) (i32.const 10))
      (local.set $o (i32.add (local.get $o) (i32.const 9)))
      (local.set $line (i32.add (local.get $line) (i32.const 1)))
      ;; "line N: L bytes, crc XXXXXXXX" for the first 8 lines
      (if (i32.le_u (local.get $line) (i32.const 8))
        (then
          (local.set $d (call $str (i32.const 128) (i32.const 272) (i32.const 5)))
          (local.set $d (call $dec (local.get $d) (local.get $line)))
          (local.set $d (call $str (local.get $d) (i32.const 280) (i32.const 2)))
          (local.set $d (call $dec (local.get $d) (i32.sub (local.get $i) (local.get $s))))
          (local.set $d (call $str (local.get $d) (i32.const 288) (i32.const 12)))
          (call $hex8 (local.get $d) (local.get $c))
          (local.set $d (i32.add (local.get $d) (i32.const 8)))
          (call $log (i32.const 128) (i32.sub (local.get $d) (i32.const 128)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    ;; "line-crc: N lines"
    (local.set $d (call $str (i32.const 128) (i32.const 304) (i32.const 10)))
    (local.set $d (call $dec (local.get $d) (local.get $lines)))
    (local.set $d (call $str (local.get $d) (i32.const 320) (i32.const 6)))
    (call $log (i32.const 128) (i32.sub (local.get $d) (i32.const 128)))
    (i32.store align=1 (local.get $cell) (local.get $o))
    (i32.const 0))
)
