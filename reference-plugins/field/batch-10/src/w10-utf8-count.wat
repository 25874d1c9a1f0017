;; utf8-count: validates UTF-8 strictly and writes the number of code points as decimal and
;; a LF:  "héllo 😀" -> "7\n", "" -> "0\n". Overlong forms, surrogates (ED A0..BF), values
;; past U+10FFFF, stray continuation bytes and truncated sequences give -1. The output is at
;; most 11 bytes; -3 names its exact length.
;;
;; Unusual but legal, per ABI.md:
;;  - alloc/dealloc are a power-of-two size-class allocator for blocks up to 1 MiB (classes
;;    16 B .. 1 MiB): a freed block goes on its class's free list (the link kept in the
;;    block itself) and is handed out again for the next request of that class; blocks never
;;    split or merge. Larger blocks are whole multiples of 64 KiB with a 16-byte header that
;;    holds their real size; freed ones are kept on one list and reused best-fit. Memory
;;    only grows when nothing free fits. Every block is 16-aligned.
;;  - alloc(0) returns 0 (the ABI lets alloc(0) return any value, which the host only
;;    frees), and dealloc(0, 0) does nothing.
;;  - the memory has a maximum, 4000 pages (250 MiB), under the host's 256 MiB limit: a
;;    block that does not fit under it gets 0 from alloc (memory.grow fails there).
;; No imports. Memory: [16, 40) info, [64, 192) free-list heads of classes 4..31,
;; [192, 202) scratch digits, [208, 212) head of the big-block list, heap from 1024.
(module
  (memory (export "memory") 1 4000)
  (data (i32.const 16) "utf8-count v3.0.1\00")
  (global $bump (mut i32) (i32.const 1024))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x030001))

  ;; size class of a block of 0 < size <= 1 MiB bytes: ceil(log2(size)), at least 4
  (func $class (param $size i32) (result i32) (local $k i32)
    (local.set $k (i32.sub (i32.const 32) (i32.clz (i32.sub (local.get $size) (i32.const 1)))))
    (select (local.get $k) (i32.const 4) (i32.gt_u (local.get $k) (i32.const 4))))

  ;; takes [bump, bump + len) (len as u64), growing memory as needed; 0 when it cannot
  (func $take (param $len i64) (result i32) (local $p i32) (local $end i64) (local $have i64)
    (local.set $p (global.get $bump))
    (local.set $end (i64.add (i64.extend_i32_u (local.get $p)) (local.get $len)))
    (local.set $have (i64.shl (i64.extend_i32_u (memory.size)) (i64.const 16)))
    (if (i64.gt_u (local.get $end) (local.get $have))
      (then
        (if (i64.gt_u (local.get $end) (i64.const 0x100000000)) (then (return (i32.const 0))))
        (if (i32.eq
              (memory.grow (i32.wrap_i64 (i64.shr_u
                (i64.add (i64.sub (local.get $end) (local.get $have)) (i64.const 0xffff))
                (i64.const 16))))
              (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $bump (i32.wrap_i64 (local.get $end)))
    (local.get $p))

  (func (export "alloc") (param $size i32) (result i32)
    (local $k i32) (local $slot i32) (local $head i32) (local $r i64)
    (local $prev i32) (local $b i32) (local $best i32) (local $bestprev i32) (local $p i32)
    (if (i32.eqz (local.get $size)) (then (return (i32.const 0))))
    (if (i32.le_u (local.get $size) (i32.const 0x100000))
      (then
        (local.set $k (call $class (local.get $size)))
        (local.set $slot (i32.add (i32.const 64) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $head (i32.load (local.get $slot)))
        (if (local.get $head)
          (then
            (i32.store (local.get $slot) (i32.load (local.get $head)))
            (return (local.get $head))))
        (return (call $take (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $k)))))))
    ;; big: the size rounded up to 64 KiB; best fit among the freed big blocks
    (local.set $r (i64.and (i64.add (i64.extend_i32_u (local.get $size)) (i64.const 0xffff))
                           (i64.const 0xffffffffffff0000)))
    (local.set $b (i32.load (i32.const 208)))
    (block $searched (loop $walk
      (br_if $searched (i32.eqz (local.get $b)))
      ;; a free big block: [b-16] real size, [b] next
      (if (i64.ge_u (i64.extend_i32_u (i32.load (i32.sub (local.get $b) (i32.const 16)))) (local.get $r))
        (then
          ;; (no i32.or here: it would load best's header while best is still 0)
          (if (i32.eqz (local.get $best))
            (then (local.set $best (local.get $b)) (local.set $bestprev (local.get $prev)))
            (else
              (if (i32.lt_u (i32.load (i32.sub (local.get $b) (i32.const 16)))
                            (i32.load (i32.sub (local.get $best) (i32.const 16))))
                (then (local.set $best (local.get $b)) (local.set $bestprev (local.get $prev))))))))
      (local.set $prev (local.get $b))
      (local.set $b (i32.load (local.get $b)))
      (br $walk)))
    (if (local.get $best)
      (then
        (if (local.get $bestprev)
          (then (i32.store (local.get $bestprev) (i32.load (local.get $best))))
          (else (i32.store (i32.const 208) (i32.load (local.get $best)))))
        (return (local.get $best))))
    ;; bump is always 16-aligned: blocks are powers of two >= 16 or 16 + multiples of 64 KiB
    (local.set $p (call $take (i64.add (local.get $r) (i64.const 16))))
    (if (i32.eqz (local.get $p)) (then (return (i32.const 0))))
    (i32.store (local.get $p) (i32.wrap_i64 (local.get $r)))
    (i32.add (local.get $p) (i32.const 16)))

  (func (export "dealloc") (param $p i32) (param $size i32) (local $slot i32)
    (if (i32.or (i32.eqz (local.get $p)) (i32.eqz (local.get $size))) (then (return)))
    (if (i32.le_u (local.get $size) (i32.const 0x100000))
      (then
        (local.set $slot (i32.add (i32.const 64) (i32.shl (call $class (local.get $size)) (i32.const 2))))
        (i32.store (local.get $p) (i32.load (local.get $slot)))
        (i32.store (local.get $slot) (local.get $p))
        (return)))
    (i32.store (local.get $p) (i32.load (i32.const 208)))
    (i32.store (i32.const 208) (local.get $p)))

;; byte i of the input, which the caller has checked to exist
  (func $at (param $in i32) (param $i i32) (result i32)
    (i32.load8_u (i32.add (local.get $in) (local.get $i))))

  ;; 1 when byte i exists and is a continuation byte
  (func $cont (param $in i32) (param $n i32) (param $i i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $i) (local.get $n))
      (then (i32.eq (i32.and (call $at (local.get $in) (local.get $i)) (i32.const 0xc0)) (i32.const 0x80)))
      (else (i32.const 0))))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32) (local $c i32) (local $d i32) (local $count i32) (local $len i32)
    (local $v i32) (local $k i32)
    (block $valid (loop $next
      (br_if $valid (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $c (call $at (local.get $in) (local.get $i)))
      (local.set $count (i32.add (local.get $count) (i32.const 1)))
      (if (i32.lt_u (local.get $c) (i32.const 0x80))
        (then (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $next)))
      (if (i32.lt_u (local.get $c) (i32.const 0xc2)) (then (return (i32.const -1))))
      (if (i32.gt_u (local.get $c) (i32.const 0xf4)) (then (return (i32.const -1))))
      (if (i32.lt_u (local.get $c) (i32.const 0xe0))
        (then
          (if (i32.eqz (call $cont (local.get $in) (local.get $n) (i32.add (local.get $i) (i32.const 1))))
            (then (return (i32.const -1))))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $next)))
      ;; 3- and 4-byte leads: the second byte's range depends on the lead
      (if (i32.eqz (call $cont (local.get $in) (local.get $n) (i32.add (local.get $i) (i32.const 1))))
        (then (return (i32.const -1))))
      (local.set $d (call $at (local.get $in) (i32.add (local.get $i) (i32.const 1))))
      (if (i32.eq (local.get $c) (i32.const 0xe0))
        (then (if (i32.lt_u (local.get $d) (i32.const 0xa0)) (then (return (i32.const -1))))))
      (if (i32.eq (local.get $c) (i32.const 0xed))
        (then (if (i32.gt_u (local.get $d) (i32.const 0x9f)) (then (return (i32.const -1))))))
      (if (i32.eq (local.get $c) (i32.const 0xf0))
        (then (if (i32.lt_u (local.get $d) (i32.const 0x90)) (then (return (i32.const -1))))))
      (if (i32.eq (local.get $c) (i32.const 0xf4))
        (then (if (i32.gt_u (local.get $d) (i32.const 0x8f)) (then (return (i32.const -1))))))
      (if (i32.eqz (call $cont (local.get $in) (local.get $n) (i32.add (local.get $i) (i32.const 2))))
        (then (return (i32.const -1))))
      (if (i32.lt_u (local.get $c) (i32.const 0xf0))
        (then (local.set $i (i32.add (local.get $i) (i32.const 3))) (br $next)))
      (if (i32.eqz (call $cont (local.get $in) (local.get $n) (i32.add (local.get $i) (i32.const 3))))
        (then (return (i32.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next)))
    ;; digits of count, backwards into [192, 202)
    (local.set $v (local.get $count))
    (local.set $k (i32.const 202))
    (loop $digit
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (i32.store8 (local.get $k) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (local.set $len (i32.add (i32.sub (i32.const 202) (local.get $k)) (i32.const 1)))
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $k) (i32.sub (local.get $len) (i32.const 1)))
    (i32.store8 (i32.add (local.get $out) (i32.sub (local.get $len) (i32.const 1))) (i32.const 10))
    (i32.store align=1 (local.get $cell) (local.get $len))
    (i32.const 0))
)
