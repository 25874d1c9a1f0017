import { wat } from './wat.js';

/**
 * What a hostile plugin writes to the terminal: clear the screen, set the window title, print a
 * fake green PASS, then a NUL and a right-to-left override. Every renderer must show it escaped.
 */
export const HOSTILE_STDERR = '\x1b[2J\x1b]0;pwned\x07\x1b[32mPASS\x1b[0m\x00\u202e evil\n';
/** A plugin_info string with an escape sequence in it (it fails ZC-INFO-002, as it should). */
export const HOSTILE_INFO = 'evil\x1b[2J\u202e v1.0.0';

/** Bytes as a WAT string literal: every byte as `\hh`. */
const watString = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => `\\${byte.toString(16).padStart(2, '0')}`).join('');

/**
 * A plugin whose `process` writes HOSTILE_STDERR to stderr with WASI fd_write and logs it with
 * host_log, then traps (so that ZC-CALL-002 fails with the output), and whose plugin_info is
 * HOSTILE_INFO.
 */
export function hostilePlugin(): Uint8Array {
  const payload = new TextEncoder().encode(HOSTILE_STDERR);
  const info = new TextEncoder().encode(`${HOSTILE_INFO}\0`);
  return wat(`(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "host_log" (func $log (param i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 16) "${watString(info)}")
  (data (i32.const 256) "${watString(payload)}")
  (func (export "plugin_info") (result i32) (i32.const 16))
  (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (i32.store (i32.const 512) (i32.const 256))
    (i32.store (i32.const 516) (i32.const ${payload.length}))
    (drop (call $fd_write (i32.const 2) (i32.const 512) (i32.const 1) (i32.const 520)))
    (call $log (i32.const 256) (i32.const ${payload.length}))
    (unreachable))
)`);
}
