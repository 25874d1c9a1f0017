import { describe, expect, it } from 'vitest';
import type { PluginInstance } from '../../../src/host/plugin-instance.js';
import { DEFAULT_CLOCK_START_NS } from '../../../src/host/wasi-preview1.js';
import { PAGE, load, loadWithExceptions, utf8 } from './fixtures.js';

const ERRNO = { SUCCESS: 0, BADF: 8, FAULT: 21, INVAL: 28, SPIPE: 70 };

const imports = (memory: string) => `
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_res_get" (func $res (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_seek" (func $seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fdstat (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sched_yield" (func $yield (result i32)))
  ${memory}
  (func (export "write") (param i32 i32 i32 i32) (result i32)
    (call $fd_write (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "clock") (param i32 i32) (result i32)
    (call $clock (local.get 0) (i64.const 1) (local.get 1)))
  (func (export "res") (param i32 i32) (result i32) (call $res (local.get 0) (local.get 1)))
  (func (export "random") (param i32 i32) (result i32) (call $random (local.get 0) (local.get 1)))
  (func (export "exit") (param i32) (call $exit (local.get 0)))
  (func (export "close") (param i32) (result i32) (call $close (local.get 0)))
  (func (export "seek") (param i32) (result i32)
    (call $seek (local.get 0) (i64.const 0) (i32.const 0) (i32.const 64)))
  (func (export "fdstat") (param i32 i32) (result i32) (call $fdstat (local.get 0) (local.get 1)))
  (func (export "prestat") (param i32) (result i32) (call $prestat (local.get 0) (i32.const 0)))
  (func (export "environ") (param i32 i32) (result i32) (call $environ (local.get 0) (local.get 1)))
  (func (export "args") (param i32 i32) (result i32) (call $args (local.get 0) (local.get 1)))
  (func (export "yield") (result i32) (call $yield))`;

const WASI = imports('(memory (export "memory") 1)');

const returned = (plugin: PluginInstance, name: string, args: number[] = []): number => {
  const outcome = plugin.call(name, args);
  if (outcome.kind !== 'returned' || outcome.value === undefined) {
    throw new Error(`${name}: ${JSON.stringify(outcome)}`);
  }
  return outcome.value;
};

/** Writes iovecs at 0 (8 bytes each) pointing at the texts, placed from 256 on. */
function writeIovecs(plugin: PluginInstance, texts: string[]): void {
  const bytes = plugin.bytes();
  const view = new DataView(bytes.buffer);
  let at = 256;
  texts.forEach((text, i) => {
    const encoded = utf8(text);
    bytes.set(encoded, at);
    view.setUint32(i * 8, at, true);
    view.setUint32(i * 8 + 4, encoded.length, true);
    at += encoded.length;
  });
}

const u32At = (plugin: PluginInstance, at: number) =>
  new DataView(plugin.bytes().buffer).getUint32(at, true);
const u64At = (plugin: PluginInstance, at: number) =>
  new DataView(plugin.bytes().buffer).getBigUint64(at, true);

describe('fd_write', () => {
  it.each([
    { fd: 1, stream: 'stdout' as const },
    { fd: 2, stream: 'stderr' as const },
  ])('captures fd $fd as $stream and reports the bytes written', ({ fd, stream }) => {
    const plugin = load(WASI);
    writeIovecs(plugin, ['hello ', 'wörld']);
    expect(returned(plugin, 'write', [fd, 0, 2, 128])).toBe(ERRNO.SUCCESS);
    expect(u32At(plugin, 128)).toBe(12);
    const text = plugin.capture.snapshot();
    expect(text[stream]).toBe('hello wörld');
    expect(text[stream === 'stdout' ? 'stderr' : 'stdout']).toBe('');
    expect(plugin.capture.bytesPerCall.at(-1)).toEqual({
      call: `write(${fd}, 0, 2, 128)`,
      bytes: 12,
    });
  });

  it.each([0, 3, 100, -1])('fd %i is EBADF and writes nothing', (fd) => {
    const plugin = load(WASI);
    writeIovecs(plugin, ['text']);
    expect(returned(plugin, 'write', [fd, 0, 1, 128])).toBe(ERRNO.BADF);
    expect(plugin.capture.snapshot()).toMatchObject({ stdout: '', stderr: '' });
  });

  it.each([
    { name: 'an iovec array past the end of memory', args: [1, PAGE - 4, 1, 128] },
    { name: 'a negative iovec pointer', args: [1, -8, 1, 128] },
    { name: 'an iovec count whose array would not fit', args: [1, 0, 0x20000000, 128] },
    { name: 'an nwritten pointer past the end', args: [1, 0, 1, PAGE - 2] },
    { name: 'a buffer past the end of memory', args: [1, 512, 1, 128] },
  ])('$name is EFAULT, not a JS exception', ({ args }) => {
    const plugin = load(WASI);
    writeIovecs(plugin, ['text']);
    new DataView(plugin.bytes().buffer).setUint32(512, PAGE - 2, true);
    new DataView(plugin.bytes().buffer).setUint32(516, 10, true);
    expect(returned(plugin, 'write', args)).toBe(ERRNO.FAULT);
    expect(plugin.poisoned).toBeUndefined();
    expect(plugin.capture.snapshot().stdout).toBe('');
  });

  it('charges each iovec before copying it: the one past the log limit stops the call', () => {
    const plugin = load(WASI, { maxLogBytesPerCall: 8 });
    writeIovecs(plugin, ['hello ', 'world']);
    expect(plugin.call('write', [1, 0, 2, 128])).toMatchObject({
      kind: 'stopped',
      reason: 'log-flood',
    });
    expect(plugin.capture.snapshot().stdout).toBe('hello ');
  });

  it('without an exported memory: EFAULT', () => {
    const plugin = load(imports('(memory 1)'));
    expect(returned(plugin, 'write', [1, 0, 1, 128])).toBe(ERRNO.FAULT);
  });

  it('works on a shared memory', () => {
    const plugin = load(imports('(memory (export "memory") 1 1 shared)'));
    writeIovecs(plugin, ['shared']);
    expect(returned(plugin, 'write', [1, 0, 1, 128])).toBe(ERRNO.SUCCESS);
    expect(plugin.capture.snapshot().stdout).toBe('shared');
  });
});

describe('clock_time_get', () => {
  it('starts at clockStartNs and advances 1 ms per read', () => {
    const start = 1_000_000_000_000n;
    const plugin = load(WASI, { determinism: { randomSeed: 1, clockStartNs: start } });
    const reads = [0, 1, 2, 3].map((clockId) => {
      expect(returned(plugin, 'clock', [clockId, 64])).toBe(ERRNO.SUCCESS);
      return u64At(plugin, 64);
    });
    expect(reads).toEqual([
      start + 1_000_000n,
      start + 2_000_000n,
      start + 3_000_000n,
      start + 4_000_000n,
    ]);
  });

  it('is the same for two instances with the same start', () => {
    const read = () => {
      const plugin = load(WASI);
      returned(plugin, 'clock', [0, 64]);
      returned(plugin, 'clock', [1, 64]);
      return u64At(plugin, 64);
    };
    expect(read()).toBe(DEFAULT_CLOCK_START_NS + 2_000_000n);
    expect(read()).toBe(read());
  });

  it.each([
    { name: 'an unknown clock', args: [4, 64], errno: ERRNO.INVAL },
    { name: 'a negative clock id', args: [-1, 64], errno: ERRNO.INVAL },
    { name: 'a pointer past the end', args: [0, PAGE - 4], errno: ERRNO.FAULT },
    { name: 'a negative pointer', args: [0, -8], errno: ERRNO.FAULT },
  ])('$name is an error code, and the clock does not advance', ({ args, errno }) => {
    const plugin = load(WASI);
    expect(returned(plugin, 'clock', args)).toBe(errno);
    returned(plugin, 'clock', [0, 64]);
    expect(u64At(plugin, 64)).toBe(DEFAULT_CLOCK_START_NS + 1_000_000n);
  });

  it('clock_res_get reports 1 ms', () => {
    const plugin = load(WASI);
    expect(returned(plugin, 'res', [1, 64])).toBe(ERRNO.SUCCESS);
    expect(u64At(plugin, 64)).toBe(1_000_000n);
    expect(returned(plugin, 'res', [9, 64])).toBe(ERRNO.INVAL);
    expect(returned(plugin, 'res', [1, PAGE])).toBe(ERRNO.FAULT);
  });
});

describe('random_get', () => {
  const randomBytes = (seed: number, calls = 1): Uint8Array[] => {
    const plugin = load(WASI, { determinism: { randomSeed: seed, clockStartNs: 0n } });
    return Array.from({ length: calls }, () => {
      expect(returned(plugin, 'random', [1000, 32])).toBe(ERRNO.SUCCESS);
      return plugin.bytes().slice(1000, 1032);
    });
  };

  it('is reproducible for a seed', () => {
    expect(randomBytes(7, 3)).toEqual(randomBytes(7, 3));
  });

  it('differs for another seed', () => {
    expect(randomBytes(7)[0]).not.toEqual(randomBytes(8)[0]);
  });

  it('advances within an instance and looks random', () => {
    const [first, second] = randomBytes(7, 2);
    expect(first).not.toEqual(second);
    expect(new Set(first).size).toBeGreaterThan(16);
  });

  it.each([
    { args: [PAGE - 16, 32], errno: ERRNO.FAULT },
    { args: [-4, 4], errno: ERRNO.FAULT },
    { args: [0, -1], errno: ERRNO.FAULT },
    { args: [PAGE, 0], errno: ERRNO.SUCCESS },
  ])('random_get($args) -> $errno', ({ args, errno }) => {
    expect(returned(load(WASI), 'random', args)).toBe(errno);
  });
});

describe('proc_exit', () => {
  it('ends the call as ProcExit and poisons the instance', () => {
    const plugin = load(WASI);
    expect(plugin.call('exit', [3])).toEqual({
      kind: 'trapped',
      message: 'the plugin called proc_exit(3)',
      stderr: '',
    });
    expect(plugin.call('yield')).toMatchObject({ kind: 'blocked' });
  });

  // proc_exit is remembered: a plugin that catches the exit cannot run on.
  it('a plugin cannot catch proc_exit and run on', () => {
    const plugin = loadWithExceptions(`
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory (export "memory") 1)
      (func (export "exit") (result i32)
        (try (do (call $exit (i32.const 1))) (catch_all))
        (i32.const 7))`);
    expect(plugin.call('exit')).toMatchObject({
      kind: 'trapped',
      message: 'the plugin called proc_exit(1)',
    });
  });
});

describe('the other WASI calls', () => {
  it.each([
    { name: 'close', args: [1], errno: ERRNO.SUCCESS },
    { name: 'close', args: [3], errno: ERRNO.BADF },
    { name: 'seek', args: [0], errno: ERRNO.SPIPE },
    { name: 'seek', args: [4], errno: ERRNO.BADF },
    { name: 'fdstat', args: [2, 64], errno: ERRNO.SUCCESS },
    { name: 'fdstat', args: [3, 64], errno: ERRNO.BADF },
    { name: 'fdstat', args: [1, PAGE - 8], errno: ERRNO.FAULT },
    { name: 'prestat', args: [3], errno: ERRNO.BADF },
    { name: 'environ', args: [64, 68], errno: ERRNO.SUCCESS },
    { name: 'environ', args: [64, PAGE - 2], errno: ERRNO.FAULT },
    { name: 'args', args: [64, 68], errno: ERRNO.SUCCESS },
    { name: 'args', args: [-4, 68], errno: ERRNO.FAULT },
    { name: 'yield', args: [], errno: ERRNO.SUCCESS },
  ])('$name($args) -> $errno', ({ name, args, errno }) => {
    expect(returned(load(WASI), name, args)).toBe(errno);
  });

  it('fd_fdstat_get describes a character device; environ and args are empty', () => {
    const plugin = load(WASI);
    plugin.bytes().fill(0xff, 64, 96);
    returned(plugin, 'fdstat', [1, 64]);
    expect(plugin.bytes()[64]).toBe(2);
    returned(plugin, 'environ', [64, 68]);
    expect([u32At(plugin, 64), u32At(plugin, 68)]).toEqual([0, 0]);
    plugin.bytes().fill(0xff, 64, 72);
    returned(plugin, 'args', [64, 68]);
    expect([u32At(plugin, 64), u32At(plugin, 68)]).toEqual([0, 0]);
  });
});
