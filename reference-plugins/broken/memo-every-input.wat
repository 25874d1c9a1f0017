;; An echo that memoises its results the way a plugin for repeated documents does: a hash table
;; of every input it has seen, in a heap it grows itself, never evicted. A repeated input is
;; served from the table without growing anything, so series that repeat one input see flat
;; memory; a stream of different inputs adds an entry for each (8 bytes + the input), forever.
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "memo-echo v1.0.0\00")
  ;; Bucket heads: 1024 i32s at 1024. The heap: pages this module grew itself, from $top to $limit.
  (global $top (mut i32) (i32.const 0))
  (global $limit (mut i32) (i32.const 0))
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func $take (param $n i32) (result i32)
    (local $pages i32) (local $at i32)
    (if (i32.gt_u (i32.add (global.get $top) (local.get $n)) (global.get $limit))
      (then
        (local.set $pages (i32.add (i32.shr_u (local.get $n) (i32.const 16)) (i32.const 1)))
        (local.set $at (memory.grow (local.get $pages)))
        (if (i32.eq (local.get $at) (i32.const -1)) (then (return (i32.const 0))))
        (global.set $top (i32.shl (local.get $at) (i32.const 16)))
        (global.set $limit (i32.add (global.get $top) (i32.shl (local.get $pages) (i32.const 16))))))
    (local.set $at (global.get $top))
    (global.set $top (i32.and (i32.add (i32.add (global.get $top) (local.get $n)) (i32.const 7)) (i32.const -8)))
    (local.get $at))
  (func $hash (param $p i32) (param $n i32) (result i32)
    (local $h i32) (local $i i32)
    (local.set $h (i32.const 0x811c9dc5))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $h (i32.mul
          (i32.xor (local.get $h) (i32.load8_u (i32.add (local.get $p) (local.get $i))))
          (i32.const 0x01000193)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $h))
  (func $same (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local $i i32)
    (block $differ
      (loop $next
        (if (i32.ge_u (local.get $i) (local.get $n)) (then (return (i32.const 1))))
        (br_if $differ (i32.ne
          (i32.load8_u (i32.add (local.get $a) (local.get $i)))
          (i32.load8_u (i32.add (local.get $b) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $head i32) (local $entry i32)
    (local.set $head (i32.add (i32.const 1024)
      (i32.shl (i32.and (call $hash (local.get $in) (local.get $len)) (i32.const 1023)) (i32.const 2))))
    (local.set $entry (i32.load (local.get $head)))
    (block $found
      (loop $next
        (br_if $found (i32.eqz (local.get $entry)))
        (br_if $found (i32.and
          (i32.eq (i32.load offset=4 (local.get $entry)) (local.get $len))
          (call $same (i32.add (local.get $entry) (i32.const 8)) (local.get $in) (local.get $len))))
        (local.set $entry (i32.load (local.get $entry)))
        (br $next)))
    (if (i32.eqz (local.get $entry))
      (then
        (local.set $entry (call $take (i32.add (local.get $len) (i32.const 8))))
        (if (i32.eqz (local.get $entry)) (then (return (i32.const -1))))
        (i32.store (local.get $entry) (i32.load (local.get $head)))
        (i32.store offset=4 (local.get $entry) (local.get $len))
        (memory.copy (i32.add (local.get $entry) (i32.const 8)) (local.get $in) (local.get $len))
        (i32.store (local.get $head) (local.get $entry))))
    (if (i32.gt_u (local.get $len) (i32.load align=1 (local.get $cell)))
      (then
        (i32.store align=1 (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (i32.add (local.get $entry) (i32.const 8)) (local.get $len))
    (i32.store align=1 (local.get $cell) (local.get $len))
    (i32.const 0)))
