;; rgb2gray: packed RGB8 pixels to 8-bit greyscale, one byte per pixel, with the integer
;; BT.601 luma  Y = (77 R + 150 G + 29 B + 128) >> 8. The input length must be a multiple of 3
;; (else -1); no pixels give no output.
;; Exports alloc/dealloc so the host's image buffers come from the plugin: every block has an
;; 8-byte header [capacity u32][next free u32] in front of it; freed blocks go on a free list
;; and the smallest one big enough is reused, otherwise the block is bumped off the end of the
;; heap and memory grows to hold it. The memory is capped at 1 GiB (16384 pages).
(module
  (memory (export "memory") 2 16384)
  (data (i32.const 16) "rgb2gray v0.4.2\00")
  (global $bump (mut i32) (i32.const 1024))
  (global $free (mut i32) (i32.const 0))      ;; first free block (data address), 0 = none
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "plugin_version") (result i32) (i32.const 0x000402))

  (func (export "alloc") (param $size i32) (result i32)
    (local $need i32) (local $p i32) (local $prev i32) (local $top i32) (local $best i32) (local $bestprev i32)
    (if (i32.lt_s (local.get $size) (i32.const 0)) (then (return (i32.const 0))))
    ;; capacity: the size rounded up to 8, at least 8
    (local.set $need (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8)))
    (if (i32.eqz (local.get $need)) (then (local.set $need (i32.const 8))))
    ;; best fit on the free list: the smallest free block that is big enough
    (local.set $best (i32.const 0))
    (local.set $p (global.get $free))
    (block $end (loop $walk
      (br_if $end (i32.eqz (local.get $p)))
      (if (i32.ge_u (i32.load (i32.sub (local.get $p) (i32.const 8))) (local.get $need))
        (then
          (if (i32.eqz (local.get $best))
            (then (local.set $best (local.get $p)) (local.set $bestprev (local.get $prev)))
            (else
              (if (i32.lt_u (i32.load (i32.sub (local.get $p) (i32.const 8)))
                            (i32.load (i32.sub (local.get $best) (i32.const 8))))
                (then (local.set $best (local.get $p)) (local.set $bestprev (local.get $prev))))))))
      (local.set $prev (local.get $p))
      (local.set $p (i32.load (i32.sub (local.get $p) (i32.const 4))))
      (br $walk)))
    (if (local.get $best)
      (then
        (if (local.get $bestprev)
          (then (i32.store (i32.sub (local.get $bestprev) (i32.const 4)) (i32.load (i32.sub (local.get $best) (i32.const 4)))))
          (else (global.set $free (i32.load (i32.sub (local.get $best) (i32.const 4))))))
        (return (local.get $best))))
    ;; bump: header, then the block
    (local.set $p (i32.add (global.get $bump) (i32.const 8)))
    (local.set $top (i32.add (local.get $p) (local.get $need)))
    (if (i32.gt_u (local.get $top) (i32.shl (memory.size) (i32.const 16)))
      (then
        (drop (memory.grow
          (i32.shr_u (i32.add (i32.sub (local.get $top) (i32.shl (memory.size) (i32.const 16))) (i32.const 0xFFFF))
                     (i32.const 16))))))
    (global.set $bump (local.get $top))
    (i32.store (i32.sub (local.get $p) (i32.const 8)) (local.get $need))
    (local.get $p))

  (func (export "dealloc") (param $ptr i32) (param $size i32)
    (if (i32.eqz (local.get $ptr)) (then (return)))
    (i32.store (i32.sub (local.get $ptr) (i32.const 4)) (global.get $free))
    (global.set $free (local.get $ptr)))

  (func (export "process") (param $in i32) (param $n i32) (param $out i32) (param $cell i32) (result i32)
    (local $px i32) (local $i i32) (local $s i32)
    (if (i32.rem_u (local.get $n) (i32.const 3)) (then (return (i32.const -1))))
    (local.set $px (i32.div_u (local.get $n) (i32.const 3)))
    (if (i32.gt_u (local.get $px) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $px)) (return (i32.const -3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $px)))
      (local.set $s (i32.add (local.get $in) (i32.mul (local.get $i) (i32.const 3))))
      (i32.store8 (i32.add (local.get $out) (local.get $i))
        (i32.shr_u
          (i32.add
            (i32.add
              (i32.mul (i32.load8_u (local.get $s)) (i32.const 77))
              (i32.mul (i32.load8_u (i32.add (local.get $s) (i32.const 1))) (i32.const 150)))
            (i32.add
              (i32.mul (i32.load8_u (i32.add (local.get $s) (i32.const 2))) (i32.const 29))
              (i32.const 128)))
          (i32.const 8)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (i32.store (local.get $cell) (local.get $px))
    (i32.const 0))
)
