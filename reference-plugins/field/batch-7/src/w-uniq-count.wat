;; uniq-count: counts how often each distinct line occurs, like `sort | uniq -c` but in the
;; order of first occurrence, one "<count>\t<line>\n" per distinct line:
;; "GET\nPOST\nGET\n" -> "2\tGET\n1\tPOST\n". Meant for columns with few distinct values
;; (status codes, log levels, hosts). Lines end at LF; a last line without LF counts, and a
;; final LF does not start another line; empty lines are lines. Any bytes are accepted; empty
;; input gives empty output. No allocator: the host grows its own pages.
;; The lines are counted in an open-addressing hash table (FNV-1a, linear probing) of 4096
;; slots in the module's own second page, cleared at the start of every call; a slot keeps
;; the line's hash, its place in the input and its count. Output is sized from the table
;; before anything is written.
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "uniq-count v0.4.1\00")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x000401))

  ;; table: 4096 slots of 16 bytes at 0x1000: hash, start, length, count (0 = empty)
  (global $TABLE i32 (i32.const 0x1000))
  (global $MASK i32 (i32.const 4095))
  ;; first-occurrence order: slot numbers, 4 bytes each, at 0x11000
  (global $ORDER i32 (i32.const 0x11000))

  (func $fnv1a (param $p i32) (param $len i32) (result i32)
    (local $h i32) (local $i i32)
    (local.set $h (i32.const 0x811c9dc5))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
      (local.set $h (i32.mul
        (i32.xor (local.get $h) (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (i32.const 0x01000193)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $h))

  (func $same (param $a i32) (param $b i32) (param $len i32) (result i32)
    (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
      (if (i32.ne (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                  (i32.load8_u (i32.add (local.get $b) (local.get $i))))
        (then (return (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.const 1))

  (func $digits (param $v i32) (result i32)
    (local $d i32)
    (local.set $d (i32.const 1))
    (block $done (loop $next
      (br_if $done (i32.lt_u (local.get $v) (i32.const 10)))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $next)))
    (local.get $d))

  ;; Counts the line in[s, s+len) in the table; returns the number of distinct lines so far.
  (func $count_line (param $s i32) (param $len i32) (param $distinct i32) (result i32)
    (local $h i32) (local $slot i32) (local $e i32)
    (local.set $h (call $fnv1a (local.get $s) (local.get $len)))
    (local.set $slot (i32.and (local.get $h) (global.get $MASK)))
    (loop $probe
      (local.set $e (i32.add (global.get $TABLE) (i32.shl (local.get $slot) (i32.const 4))))
      (if (i32.eqz (i32.load offset=12 (local.get $e)))
        (then
          (i32.store (local.get $e) (local.get $h))
          (i32.store offset=4 (local.get $e) (local.get $s))
          (i32.store offset=8 (local.get $e) (local.get $len))
          (i32.store offset=12 (local.get $e) (i32.const 1))
          (i32.store (i32.add (global.get $ORDER) (i32.shl (local.get $distinct) (i32.const 2))) (local.get $slot))
          (return (i32.add (local.get $distinct) (i32.const 1)))))
      (if (i32.and
            (i32.eq (i32.load (local.get $e)) (local.get $h))
            (i32.eq (i32.load offset=8 (local.get $e)) (local.get $len)))
        (then
          (if (call $same (i32.load offset=4 (local.get $e)) (local.get $s) (local.get $len))
            (then
              (i32.store offset=12 (local.get $e) (i32.add (i32.load offset=12 (local.get $e)) (i32.const 1)))
              (return (local.get $distinct))))))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $MASK)))
      (br $probe))
    (unreachable))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $s i32) (local $e i32) (local $end i32) (local $distinct i32) (local $k i32)
    (local $ent i32) (local $need i32) (local $o i32) (local $v i32) (local $d i32) (local $len i32)
    (memory.fill (global.get $TABLE) (i32.const 0) (i32.const 0x10000))
    (local.set $end (i32.add (local.get $in) (local.get $n)))
    (local.set $s (local.get $in))
    (block $lines_done (loop $line
      (br_if $lines_done (i32.ge_u (local.get $s) (local.get $end)))
      (local.set $e (local.get $s))
      (block $found (loop $scan
        (br_if $found (i32.ge_u (local.get $e) (local.get $end)))
        (br_if $found (i32.eq (i32.load8_u (local.get $e)) (i32.const 0x0A)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $scan)))
      (local.set $distinct
        (call $count_line (local.get $s) (i32.sub (local.get $e) (local.get $s)) (local.get $distinct)))
      (local.set $s (i32.add (local.get $e) (i32.const 1)))
      (br $line)))
    ;; size: "<count>\t<line>\n" per distinct line
    (block $sized (loop $size
      (br_if $sized (i32.ge_u (local.get $k) (local.get $distinct)))
      (local.set $ent (i32.add (global.get $TABLE)
        (i32.shl (i32.load (i32.add (global.get $ORDER) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 4))))
      (local.set $need (i32.add (local.get $need)
        (i32.add (call $digits (i32.load offset=12 (local.get $ent)))
                 (i32.add (i32.load offset=8 (local.get $ent)) (i32.const 2)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $size)))
    (if (i32.gt_u (local.get $need) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $need)) (return (i32.const -3))))
    (local.set $k (i32.const 0))
    (block $written (loop $write
      (br_if $written (i32.ge_u (local.get $k) (local.get $distinct)))
      (local.set $ent (i32.add (global.get $TABLE)
        (i32.shl (i32.load (i32.add (global.get $ORDER) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 4))))
      (local.set $v (i32.load offset=12 (local.get $ent)))
      (local.set $d (call $digits (local.get $v)))
      (local.set $o (i32.add (local.get $o) (local.get $d)))
      (local.set $e (local.get $o))
      (loop $digit
        (local.set $e (i32.sub (local.get $e) (i32.const 1)))
        (i32.store8 (i32.add (local.get $out) (local.get $e))
          (i32.add (i32.const 0x30) (i32.rem_u (local.get $v) (i32.const 10))))
        (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
        (br_if $digit (i32.ne (local.get $v) (i32.const 0))))
      (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 0x09))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (local.set $len (i32.load offset=8 (local.get $ent)))
      (memory.copy (i32.add (local.get $out) (local.get $o)) (i32.load offset=4 (local.get $ent)) (local.get $len))
      (local.set $o (i32.add (local.get $o) (local.get $len)))
      (i32.store8 (i32.add (local.get $out) (local.get $o)) (i32.const 0x0A))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $write)))
    (i32.store (local.get $cell) (local.get $o))
    (i32.const 0))
)
