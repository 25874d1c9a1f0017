import { describe, expect, it } from 'vitest';
import { CallWatch, CallWatchReader, createWatchBuffer } from '../../../src/host/call-watch.js';
import {
  INSTANTIATE,
  PluginInstance,
  type HostStopRecord,
} from '../../../src/host/plugin-instance.js';
import { preparePluginModule } from '../../../src/host/plugin-module.js';
import { IMPORT_HINTS } from '../../../src/host/traps.js';
import { wat } from '../../helpers/wat.js';
import { OPTIONS, PAGE, instantiateBody, load, loadWithExceptions } from './fixtures.js';

const EXPORTS = `
  (memory (export "memory") 1)
  (data (i32.const 100) "hello\\00")
  (func (export "seven") (result i32) (i32.const 7))
  (func (export "minus") (result i32) (i32.const -3))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "nothing"))
  (func (export "wide") (result i64) (i64.const 5))
  (func (export "boom") unreachable)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))`;

describe('PluginInstance.call', () => {
  it.each([
    { name: 'seven', args: [], outcome: { kind: 'returned', value: 7 } },
    { name: 'minus', args: [], outcome: { kind: 'returned', value: -3 } },
    { name: 'add', args: [40, 2], outcome: { kind: 'returned', value: 42 } },
    { name: 'nothing', args: [], outcome: { kind: 'returned', value: undefined } },
    // An i64 result is a bigint in JS: not a number, so no value.
    { name: 'wide', args: [], outcome: { kind: 'returned', value: undefined } },
    {
      name: 'boom',
      args: [],
      outcome: { kind: 'trapped', message: 'trap: unreachable', stderr: '' },
    },
    { name: 'absent', args: [], outcome: { kind: 'blocked', reason: '`absent` is not exported' } },
    { name: 'memory', args: [], outcome: { kind: 'blocked', reason: '`memory` is not exported' } },
  ])('$name($args) -> $outcome.kind', ({ name, args, outcome }) => {
    expect(load(EXPORTS).call(name, args)).toEqual(outcome);
  });

  it('is poisoned after a trap: every later call is blocked', () => {
    const plugin = load(EXPORTS);
    expect(plugin.poisoned).toBeUndefined();
    plugin.call('boom');
    expect(plugin.poisoned).toBe('an earlier call to `boom` trapped');
    for (const name of ['seven', 'boom', 'absent']) {
      expect(plugin.call(name)).toEqual({
        kind: 'blocked',
        reason: 'an earlier call to `boom` trapped',
      });
    }
  });

  it('blockedExports refuse a call and leave the other exports callable', () => {
    const blockedExports = new Map([['seven', '`seven` hung earlier in this run']]);
    const plugin = load(EXPORTS, { blockedExports });
    expect(plugin.call('seven')).toEqual({
      kind: 'blocked',
      reason: '`seven` hung earlier in this run',
    });
    expect(plugin.call('add', [1, 2])).toEqual({ kind: 'returned', value: 3 });
    expect(plugin.poisoned).toBeUndefined();
  });

  it('a trapped call carries the tail of stderr (where a panic message lands)', () => {
    const plugin = load(`
      (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
      (memory (export "memory") 1)
      (data (i32.const 0) "\\10\\00\\00\\00\\0b\\00\\00\\00")
      (data (i32.const 16) "panicked!\\0a\\00")
      (func (export "panic")
        (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))
        unreachable)`);
    expect(plugin.call('panic')).toEqual({
      kind: 'trapped',
      message: 'trap: unreachable',
      stderr: 'panicked!\n\0',
    });
  });

  it('labels each call in the capture with its arguments', () => {
    const plugin = load(EXPORTS);
    plugin.call('add', [1, 2]);
    plugin.call('seven');
    expect(plugin.capture.bytesPerCall.map((entry) => entry.call)).toEqual([
      INSTANTIATE,
      'add(1, 2)',
      'seven()',
    ]);
  });

  it('marks every call in and out on the call watch', () => {
    const buffer = createWatchBuffer();
    const names = [INSTANTIATE, 'add', 'seven'];
    const reader = new CallWatchReader(buffer, names);
    const watch = new CallWatch(buffer, new Map(names.map((name, i) => [name, i])));
    const plugin = load(EXPORTS, { watch });
    expect(reader.last()).toMatchObject({ sequence: 1, exportName: INSTANTIATE });
    plugin.call('add', [5, 0xffffffff]);
    expect(reader.current()).toBeUndefined();
    expect(reader.last()).toMatchObject({
      sequence: 2,
      exportName: 'add',
      args: [5, 0xffffffff, 0, 0],
    });
    plugin.call('boom');
    expect(reader.current()).toBeUndefined();
    expect(reader.last()).toMatchObject({ sequence: 3, exportName: '(unknown export)' });
  });
});

describe('the memory limit (the memory.grow guard)', () => {
  const GROWER = `
    (memory (export "memory") 1)
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "alloc") (param i32) (result i32)
      (drop (memory.grow (local.get 0)))
      (i32.const 1024))
    (func (export "dealloc") (param i32 i32))`;
  const LIMIT = 3 * PAGE;
  const refusal = (pages: number, inUse: number, limitPages = 3) =>
    `\`grow\` asked memory.grow for ${pages} more pages with ${inUse} in use: past the ${limitPages}-page limit of its own memory (maxMemoryBytes)`;

  it('a growth up to the limit returns; the one past it is a memory-bomb stop, not a trap', () => {
    const stops: HostStopRecord[] = [];
    const plugin = load(GROWER, { maxMemoryBytes: LIMIT, onStop: (stop) => stops.push(stop) });
    expect(plugin.call('grow', [2])).toEqual({ kind: 'returned', value: 1 });
    expect(plugin.call('grow', [0])).toEqual({ kind: 'returned', value: 3 });
    expect(plugin.call('grow', [1])).toEqual({
      kind: 'stopped',
      reason: 'memory-bomb',
      detail: refusal(1, 3),
      stderr: '',
    });
    expect(plugin.memoryBytes).toBe(LIMIT); // refused before the engine grew anything
    expect(stops).toEqual([
      { reason: 'memory-bomb', exportName: 'grow', args: [1], detail: refusal(1, 3) },
    ]);
    expect(plugin.poisoned).toBe('an earlier call to `grow` was stopped (memory-bomb)');
    expect(plugin.call('grow', [0])).toEqual({
      kind: 'blocked',
      reason: 'an earlier call to `grow` was stopped (memory-bomb)',
    });
  });

  it.each([
    { pages: 0x10000, name: '4 GiB more' },
    { pages: 0x7fffffff, name: '2^31 - 1 pages' },
    { pages: -1, name: 'memory.grow(-1): 2^32 - 1 pages' },
  ])(
    'a growth no 32-bit memory can take ($name) gets the -1 any engine gives, and is no stop',
    ({ pages }) => {
      // An allocator asked for an impossible size sees the failure it handles (returning 0);
      // nothing grew, so nothing is charged to the plugin. Such a delta is never one the budget
      // refuses, so a refused delta is never -1 (the guard's "nothing refused").
      const stops: HostStopRecord[] = [];
      const plugin = load(GROWER, { maxMemoryBytes: LIMIT, onStop: (stop) => stops.push(stop) });
      expect(plugin.call('grow', [pages])).toEqual({ kind: 'returned', value: -1 });
      expect(plugin.memoryBytes).toBe(PAGE);
      expect(stops).toEqual([]);
      expect(plugin.poisoned).toBeUndefined();
      expect(plugin.call('grow', [1])).toEqual({ kind: 'returned', value: 1 });
    },
  );

  it("pages the host grows for its buffers come on top of the plugin's own", () => {
    const plugin = load(GROWER, { maxMemoryBytes: LIMIT });
    expect(plugin.growForHost(2)).toBe(1);
    expect(plugin.call('grow', [2])).toEqual({ kind: 'returned', value: 3 });
    expect(plugin.call('grow', [1])).toMatchObject({ kind: 'stopped', detail: refusal(1, 5) });
  });

  it('growth during a host call (callAsHost: alloc) is neither refused nor counted', () => {
    const plugin = load(GROWER, { maxMemoryBytes: LIMIT });
    expect(plugin.callAsHost('alloc', [10])).toEqual({ kind: 'returned', value: 1024 });
    expect(plugin.memoryBytes).toBe(11 * PAGE);
    // The plugin still has its own 2 pages to grow, and no more.
    expect(plugin.call('grow', [2])).toEqual({ kind: 'returned', value: 11 });
    expect(plugin.call('grow', [1])).toMatchObject({ kind: 'stopped', detail: refusal(1, 13) });
  });

  it('the same growth through call() is refused', () => {
    const plugin = load(GROWER, { maxMemoryBytes: LIMIT });
    expect(plugin.call('alloc', [10])).toMatchObject({ kind: 'stopped', reason: 'memory-bomb' });
  });

  it('a start function growing past the limit fails instantiation as a stop', () => {
    const stops: HostStopRecord[] = [];
    const created = instantiateBody(
      `${GROWER} (func $start (drop (memory.grow (i32.const 5)))) (start $start)`,
      { maxMemoryBytes: LIMIT, onStop: (stop) => stops.push(stop) },
    );
    const detail =
      'its start function asked memory.grow for more than the 3-page limit of its own memory (maxMemoryBytes)';
    expect(created).toEqual({
      ok: false,
      stage: 'start',
      message: detail,
      output: { stdout: '', stderr: '', log: [], droppedBytes: 0 },
      stopped: 'memory-bomb',
    });
    expect(stops).toEqual([{ reason: 'memory-bomb', exportName: INSTANTIATE, args: [], detail }]);
  });

  it('a plugin that traps on its own is trapped, not stopped, guard or not', () => {
    const plugin = load(`${GROWER} (func (export "boom") unreachable)`, { maxMemoryBytes: LIMIT });
    expect(plugin.call('boom')).toMatchObject({ kind: 'trapped', message: 'trap: unreachable' });
  });

  it('preparePluginModule builds the same guarded plugin the fixtures do', async () => {
    const prepared = await preparePluginModule(wat(`(module ${GROWER})`), LIMIT);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.plugin.budgetPages).toBe(3);
    expect(prepared.plugin.guardFunction).toBe(3);
    const created = PluginInstance.instantiate(prepared.plugin, OPTIONS);
    if (!created.ok) throw new Error(created.message);
    expect(created.instance.call('grow', [2])).toEqual({ kind: 'returned', value: 1 });
    expect(created.instance.call('grow', [1])).toMatchObject({
      kind: 'stopped',
      detail: refusal(1, 3),
    });
  });
});

describe('the log limit per call', () => {
  const LOGGER = `
    (import "env" "host_log" (func $log (param i32 i32)))
    (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 0) "0123456789abcdef")
    (data (i32.const 64) "\\00\\00\\00\\00\\06\\00\\00\\00")
    (func (export "log") (param i32 i32) (call $log (local.get 0) (local.get 1)))
    (func (export "log_twice") (param i32)
      (call $log (i32.const 0) (local.get 0))
      (call $log (i32.const 0) (local.get 0)))
    (func (export "print") (result i32)
      (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 96)))`;

  it('a call may write up to maxLogBytesPerCall, in every call', () => {
    const plugin = load(LOGGER, { maxLogBytesPerCall: 10 });
    for (let i = 0; i < 3; i++) {
      expect(plugin.call('log', [0, 10])).toEqual({ kind: 'returned', value: undefined });
    }
    expect(plugin.capture.snapshot().log).toEqual(['0123456789', '0123456789', '0123456789']);
  });

  it.each([
    {
      call: 'log',
      args: [0, 11],
      detail:
        'log(0, 11) wrote 0 bytes of log and stdio, then asked to write 11 more: past the 10-byte limit per call',
      log: [],
    },
    {
      call: 'log_twice',
      args: [6],
      detail:
        'log_twice(6) wrote 6 bytes of log and stdio, then asked to write 6 more: past the 10-byte limit per call',
      log: ['012345'],
    },
  ])(
    '$call($args) past it is a log-flood stop; the write is not kept',
    ({ call, args, detail, log }) => {
      const stops: HostStopRecord[] = [];
      const plugin = load(LOGGER, { maxLogBytesPerCall: 10, onStop: (stop) => stops.push(stop) });
      expect(plugin.call(call, args)).toEqual({
        kind: 'stopped',
        reason: 'log-flood',
        detail,
        stderr: '',
      });
      expect(plugin.capture.snapshot().log).toEqual(log);
      expect(stops).toEqual([{ reason: 'log-flood', exportName: call, args, detail }]);
      expect(plugin.poisoned).toBe(`an earlier call to \`${call}\` was stopped (log-flood)`);
    },
  );

  it('stdout counts against the same limit', () => {
    const plugin = load(LOGGER, { maxLogBytesPerCall: 5 });
    expect(plugin.call('print')).toMatchObject({ kind: 'stopped', reason: 'log-flood' });
    expect(plugin.capture.snapshot().stdout).toBe('');
  });

  // The stop is an exception thrown into the plugin, which wasm exception handling can catch:
  // the host remembers it and reports the call as stopped whatever the plugin does with it.
  it('a plugin that catches the HostStop cannot hide its flood', () => {
    const stops: HostStopRecord[] = [];
    const plugin = loadWithExceptions(
      `(import "env" "host_log" (func $log (param i32 i32)))
       (memory (export "memory") 1)
       (func (export "flood") (result i32) (local $i i32)
         (loop $again
           (try (do (call $log (i32.const 0) (i32.const 100))) (catch_all))
           (local.set $i (i32.add (local.get $i) (i32.const 1)))
           (br_if $again (i32.lt_u (local.get $i) (i32.const 1000))))
         (i32.const 0))`,
      { maxLogBytesPerCall: 1000, onStop: (stop) => stops.push(stop) },
    );
    expect(plugin.call('flood')).toMatchObject({ kind: 'stopped', reason: 'log-flood' });
    expect(stops).toHaveLength(1);
  });
});

describe('PluginInstance memory', () => {
  it('memoryBytes and bytes() follow memory.grow', () => {
    const plugin = load(EXPORTS);
    expect(plugin.memoryBytes).toBe(PAGE);
    plugin.call('grow', [1]);
    expect(plugin.memoryBytes).toBe(2 * PAGE);
    expect(plugin.bytes()).toHaveLength(2 * PAGE);
    expect(plugin.bytes().subarray(100, 105)).toEqual(new TextEncoder().encode('hello'));
  });

  it('a module without an exported memory has no bytes', () => {
    const plugin = load('(memory 1) (func (export "f"))');
    expect(plugin.memory).toBeUndefined();
    expect(plugin.memoryBytes).toBe(0);
    expect(plugin.bytes()).toHaveLength(0);
  });
});

describe('PluginInstance.readCString', () => {
  const plugin = load(`(memory (export "memory") 1)
    (data (i32.const 100) "hello\\00")
    (data (i32.const 65530) "abcdef")`);

  it.each([
    { ptr: 100, max: 256, read: { ok: true, bytes: new TextEncoder().encode('hello') } },
    { ptr: 105, max: 1, read: { ok: true, bytes: new Uint8Array(0) } },
    { ptr: 100, max: 6, read: { ok: true, bytes: new TextEncoder().encode('hello') } },
    { ptr: 100, max: 5, read: { ok: false, problem: 'no NUL within 5 bytes of 100' } },
    {
      ptr: 65530,
      max: 256,
      read: { ok: false, problem: 'no NUL between 65530 and the end of memory (65536)' },
    },
    { ptr: 65530, max: 6, read: { ok: false, problem: 'no NUL within 6 bytes of 65530' } },
    {
      ptr: 65536,
      max: 256,
      read: { ok: false, problem: 'pointer 65536 is outside memory (65536 bytes)' },
    },
  ])('at $ptr within $max bytes', ({ ptr, max, read }) => {
    expect(plugin.readCString(ptr, max)).toEqual(read);
  });
});

describe('PluginInstance.instantiate and imports', () => {
  const CALLS_IMPORT = (module: string, name: string) => `
    (import "${module}" "${name}" (func $imported (param i32 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (func (export "ok") (result i32) (i32.const 1))
    (func (export "use") (result i32)
      (call $imported (i32.const 0) (i32.const 0) (i32.const 0)))`;

  it.each([
    { module: 'env', name: 'memcpy', hint: IMPORT_HINTS['env.memcpy'] },
    { module: 'wasi_unstable', name: 'fd_write', hint: IMPORT_HINTS['wasi_unstable.fd_write'] },
    { module: 'env', name: 'mystery', hint: undefined },
  ])(
    'links $module.$name to a stub that throws UnofferedImportCalled when called',
    ({ module, name, hint }) => {
      const plugin = load(CALLS_IMPORT(module, name));
      expect(plugin.call('ok')).toEqual({ kind: 'returned', value: 1 });
      const message = `the plugin called ${module}.${name}, which the host does not offer${hint ? ` (${hint})` : ''}`;
      expect(plugin.call('use')).toEqual({ kind: 'trapped', message, stderr: '' });
      expect(plugin.poisoned).toBe('an earlier call to `use` trapped');
    },
  );

  it('a WASI call the host does not offer returns NOTCAPABLE (76) and the plugin runs on', () => {
    const plugin = load(CALLS_IMPORT('wasi_snapshot_preview1', 'sock_accept'));
    expect(plugin.call('use')).toEqual({ kind: 'returned', value: 76 });
    expect(plugin.poisoned).toBeUndefined();
  });

  it('a module importing its memory still links', () => {
    const plugin = load(
      '(import "env" "memory" (memory 1)) (func (export "f") (result i32) (i32.const 3))',
    );
    expect(plugin.call('f')).toEqual({ kind: 'returned', value: 3 });
    expect(plugin.memory).toBeUndefined();
  });

  it('a module re-exporting the memory it imports uses it', () => {
    const plugin = load('(import "env" "memory" (memory 1)) (export "memory" (memory 0))');
    expect(plugin.memoryBytes).toBe(PAGE);
  });

  // An imported memory gets a stub of its declared size, so the module links and ZC-MEM-001
  // reports the import.
  it.each([
    { memory: '(memory 17)' },
    { memory: '(memory 1 1)' },
    { memory: '(memory 1 16 shared)' },
  ])('a module importing $memory still links', ({ memory }) => {
    const created = instantiateBody(`(import "env" "memory" ${memory}) (func (export "f"))`);
    expect(created).toMatchObject({ ok: true });
  });

  // Every import that is not offered gets a stub of its declared type (globals too).
  it('a module importing an unknown global still links', () => {
    const created = instantiateBody(
      '(import "env" "__stack_pointer" (global (mut i32))) (func (export "f"))',
    );
    expect(created).toMatchObject({ ok: true });
  });

  it('a link error is a setup failure at stage link', () => {
    // A v128 global cannot be made from JavaScript: the one import kind with no stub.
    const created = instantiateBody('(import "env" "g" (global v128)) (func (export "f"))');
    expect(created).toMatchObject({ ok: false, stage: 'link' });
    expect(!created.ok && created.message).toMatch(/^LinkError: /);
  });

  it('a trapping start function is a setup failure at stage start', () => {
    const created = instantiateBody(
      '(memory (export "memory") 1) (func $start unreachable) (start $start)',
    );
    expect(created).toEqual({
      ok: false,
      stage: 'start',
      message: 'trap: unreachable',
      output: { stdout: '', stderr: '', log: [], droppedBytes: 0 },
    });
  });

  it('a blocked instantiation (its start function hung earlier) is refused', () => {
    const created = instantiateBody('(memory (export "memory") 1) (func $start) (start $start)', {
      blockedExports: new Map([[INSTANTIATE, 'the start function hung earlier']]),
    });
    expect(created).toMatchObject({
      ok: false,
      stage: 'start',
      message: 'the start function hung earlier',
    });
  });
});
