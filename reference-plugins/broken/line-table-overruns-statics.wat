;; Reverses the order of lines (tac), as C with `static uint32_t starts[4096];` would: the start
;; of every line goes into a fixed table with no check of its size. Up to 4096 lines the output
;; is right and nothing else is touched; past that the table runs on over the statics after it,
;; here the plugin_info string, while the output stays right (the table is read back before
;; anything else uses the overwritten bytes). Fails ZC-INFO-004 on the spec's edge input of
;; numbered lines to 64 KiB (12774 lines).
(module
  (memory (export "memory") 2)
  ;; starts[4096] at 1024..17408, then plugin_info.
  (data (i32.const 17408) "line-table-overruns-statics v1.0.0\00")
  (func (export "plugin_info") (result i32) (i32.const 17408))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $lines i32) (local $o i32) (local $start i32) (local $end i32) (local $k i32)
    (local $needed i32)
    ;; A last line without LF gets one.
    (local.set $needed (local.get $len))
    (if (i32.and (i32.gt_u (local.get $len) (i32.const 0))
          (i32.ne (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $len) (i32.const 1)))) (i32.const 10)))
      (then (local.set $needed (i32.add (local.get $len) (i32.const 1)))))
    (if (i32.gt_u (local.get $needed) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $needed)) (return (i32.const -3))))
    ;; The start of every line, in the table.
    (block $scanned
      (loop $scan
        (br_if $scanned (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store (i32.add (i32.const 1024) (i32.shl (local.get $lines) (i32.const 2))) (local.get $i))
        (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
        (block $eol
          (loop $find
            (br_if $eol (i32.ge_u (local.get $i) (local.get $len)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $eol (i32.eq (i32.load8_u (i32.add (local.get $in) (i32.sub (local.get $i) (i32.const 1)))) (i32.const 10)))
            (br $find)))
        (br $scan)))
    ;; Lines from the last to the first, each ended by LF.
    (local.set $k (local.get $lines))
    (block $written
      (loop $emit
        (br_if $written (i32.eqz (local.get $k)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (local.set $start (i32.load (i32.add (i32.const 1024) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $end (select
          (i32.load (i32.add (i32.const 1024) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 2))))
          (local.get $len)
          (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $lines))))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_u (local.get $start) (local.get $end)))
            (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.load8_u (i32.add (local.get $in) (local.get $start))))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (local.set $start (i32.add (local.get $start) (i32.const 1)))
            (br $copy)))
        (if (i32.or (i32.eqz (local.get $o))
              (i32.ne (i32.load8_u (i32.add (local.get $out) (i32.sub (local.get $o) (i32.const 1)))) (i32.const 10)))
          (then
            (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 10))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))))
        (br $emit)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0)))
