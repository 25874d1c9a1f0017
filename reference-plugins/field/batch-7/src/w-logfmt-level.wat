;; logfmt-level: keeps the logfmt lines worth alerting on: those with a field level=warn,
;; level=warning, level=error or level=fatal (the value case-insensitive, optionally in double
;; quotes; the field at the start of the line or after a space or tab). Every kept line is
;; written with a LF, other lines are dropped:
;;   "ts=1 level=info msg=up\nts=2 level=ERROR msg=\"disk full\"\n" -> "ts=2 level=ERROR msg=\"disk full\"\n"
;; Any bytes are accepted; empty input gives empty output. A first pass sizes the output, a
;; second writes it, so nothing is written when it does not fit.
;; The filter allocates nothing and keeps no state, so the memory is capped at 16 pages (1 MiB)
;; to keep a misbehaving build from taking more. No allocator: the host grows its own pages.
(module
  (memory (export "memory") 1 16)
  (data (i32.const 16) "logfmt-level v1.0.0\00")
  ;; accepted level values, each as <length><lower-case bytes>, then 0
  (data (i32.const 48) "\04warn\07warning\05error\05fatal\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x010000))

  (func $lower (param $c i32) (result i32)
    (if (result i32) (i32.lt_u (i32.sub (local.get $c) (i32.const 0x41)) (i32.const 26))
      (then (i32.or (local.get $c) (i32.const 0x20)))
      (else (local.get $c))))

  ;; 1 when in[p, p+len) is one of the accepted values, ignoring ASCII case
  (func $is_alert (param $p i32) (param $len i32) (result i32)
    (local $w i32) (local $wl i32) (local $i i32)
    (local.set $w (i32.const 48))
    (block $none (loop $word
      (local.set $wl (i32.load8_u (local.get $w)))
      (br_if $none (i32.eqz (local.get $wl)))
      (if (i32.eq (local.get $wl) (local.get $len))
        (then
          (local.set $i (i32.const 0))
          (block $differ (loop $ch
            (if (i32.ge_u (local.get $i) (local.get $len)) (then (return (i32.const 1))))
            (br_if $differ (i32.ne
              (call $lower (i32.load8_u (i32.add (local.get $p) (local.get $i))))
              (i32.load8_u (i32.add (local.get $w) (i32.add (local.get $i) (i32.const 1))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $ch)))))
      (local.set $w (i32.add (local.get $w) (i32.add (local.get $wl) (i32.const 1))))
      (br $word)))
    (i32.const 0))

  ;; 1 when the line [s, e) has an alerting level field
  (func $keep (param $s i32) (param $e i32) (result i32)
    (local $p i32) (local $v i32) (local $ve i32) (local $c i32)
    (local.set $p (local.get $s))
    (block $no (loop $next
      ;; a field "level=" needs 6 bytes
      (br_if $no (i32.gt_u (i32.add (local.get $p) (i32.const 6)) (local.get $e)))
      ;; a field starts the line or follows a blank (the byte before is only read inside the line)
      (local.set $c (i32.const 1))
      (if (i32.gt_u (local.get $p) (local.get $s))
        (then (local.set $c (i32.load8_u (i32.sub (local.get $p) (i32.const 1))))
              (local.set $c (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x09))))))
      (if (i32.and (local.get $c) (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x6C)))  ;; 'l'
        (then
          (if (i32.and
                (i32.eq (i32.load (local.get $p)) (i32.const 0x6576656C))          ;; "leve"
                (i32.eq (i32.load16_u offset=4 (local.get $p)) (i32.const 0x3D6C))) ;; "l="
            (then
              (local.set $v (i32.add (local.get $p) (i32.const 6)))
              (local.set $ve (local.get $v))
              (block $vend (loop $vscan
                (br_if $vend (i32.ge_u (local.get $ve) (local.get $e)))
                (local.set $c (i32.load8_u (local.get $ve)))
                (br_if $vend (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x09))))
                (local.set $ve (i32.add (local.get $ve) (i32.const 1)))
                (br $vscan)))
              ;; strip one pair of double quotes
              (if (i32.ge_u (i32.sub (local.get $ve) (local.get $v)) (i32.const 2))
                (then (if (i32.and (i32.eq (i32.load8_u (local.get $v)) (i32.const 0x22))
                                   (i32.eq (i32.load8_u (i32.sub (local.get $ve) (i32.const 1))) (i32.const 0x22)))
                  (then (local.set $v (i32.add (local.get $v) (i32.const 1)))
                        (local.set $ve (i32.sub (local.get $ve) (i32.const 1)))))))
              (return (call $is_alert (local.get $v) (i32.sub (local.get $ve) (local.get $v))))))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $next)))
    (i32.const 0))

  ;; Walks the lines; writes the kept ones at $out when $write, returns the output size.
  (func $walk (param $in i32) (param $n i32) (param $out i32) (param $write i32) (result i32)
    (local $s i32) (local $e i32) (local $end i32) (local $o i32) (local $len i32)
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (local.set $s (local.get $in))
    (block $done (loop $line
      (br_if $done (i32.ge_u (local.get $s) (local.get $end)))
      (local.set $e (local.get $s))
      (block $found (loop $scan
        (br_if $found (i32.ge_u (local.get $e) (local.get $end)))
        (br_if $found (i32.eq (i32.load8_u (local.get $e)) (i32.const 0x0A)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $scan)))
      (if (call $keep (local.get $s) (local.get $e))
        (then
          (local.set $len (i32.sub (local.get $e) (local.get $s)))
          (if (local.get $write)
            (then
              (memory.copy (i32.add (local.get $out) (local.get $o)) (local.get $s) (local.get $len))
              (i32.store8 (i32.add (local.get $out) (i32.add (local.get $o) (local.get $len))) (i32.const 0x0A))))
          (local.set $o (i32.add (local.get $o) (i32.add (local.get $len) (i32.const 1))))))
      (local.set $s (i32.add (local.get $e) (i32.const 1)))
      (br $line)))
    (local.get $o))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $need i32)
    (local.set $need (call $walk (local.get $in) (local.get $n) (i32.const 0) (i32.const 0)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (drop (call $walk (local.get $in) (local.get $n) (local.get $out) (i32.const 1)))
    (i32.store (local.get $cell) (local.get $need))
    (i32.const 0))
)
