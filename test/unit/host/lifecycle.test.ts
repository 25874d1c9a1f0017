import { describe, expect, it } from 'vitest';
import { describeSetupFailure, type PluginSetup } from '../../../src/host/lifecycle.js';
import { startBody } from './fixtures.js';

type Failure = Extract<PluginSetup, { ok: false }>;

/** _initialize sets a flag; init returns `initResult` when it ran after _initialize, else 99. */
const LIFECYCLE = (initResult: string, initializeBody = '') => `
  (memory (export "memory") 1)
  (global $ready (mut i32) (i32.const 0))
  (global $inits (export "inits") (mut i32) (i32.const 0))
  (func (export "_initialize") ${initializeBody} (global.set $ready (i32.const 1)))
  (func (export "init") (result i32)
    (global.set $inits (i32.add (global.get $inits) (i32.const 1)))
    (if (result i32) (global.get $ready) (then ${initResult}) (else (i32.const 99))))`;

const start = (body: string, options: { runInit?: boolean } = {}) => startBody(body, {}, options);

const failure = (setup: PluginSetup): Failure => {
  if (setup.ok) throw new Error('expected the setup to fail');
  return setup;
};

describe('startPlugin', () => {
  it('runs _initialize, then init, and returns init’s code', () => {
    const setup = start(LIFECYCLE('(i32.const 0)'));
    expect(setup).toMatchObject({ ok: true, initCode: 0 });
  });

  it('returns a non-zero init code rather than failing', () => {
    const setup = start(LIFECYCLE('(i32.const 5)'));
    expect(setup).toMatchObject({ ok: true, initCode: 5 });
    expect(setup.ok && setup.instance.call('init')).toEqual({ kind: 'returned', value: 5 });
  });

  it('runInit: false runs _initialize only', () => {
    const setup = start(LIFECYCLE('(i32.const 0)'), { runInit: false });
    expect(setup).toMatchObject({ ok: true, initCode: undefined });
    expect(setup.ok && setup.instance.instance.exports['inits']).toMatchObject({ value: 0 });
  });

  it('without lifecycle exports: ok, no init code', () => {
    expect(start('(memory (export "memory") 1)')).toMatchObject({ ok: true, initCode: undefined });
  });

  it('init alone runs (no _initialize): the instance is ready', () => {
    const setup = start(
      '(memory (export "memory") 1) (func (export "init") (result i32) (i32.const 0))',
    );
    expect(setup).toMatchObject({ ok: true, initCode: 0 });
  });

  it.each([
    {
      name: 'a trapping init',
      body: LIFECYCLE('unreachable'),
      stage: 'init',
      message: 'trap: unreachable',
    },
    {
      name: 'a trapping _initialize',
      body: LIFECYCLE('(i32.const 0)', 'unreachable'),
      stage: '_initialize',
      message: 'trap: unreachable',
    },
    {
      name: 'a trapping start function',
      body: '(memory (export "memory") 1) (func $s (drop (i32.div_u (i32.const 1) (i32.const 0)))) (start $s)',
      stage: 'start',
      message: 'trap: divide by zero',
    },
  ])('$name is a setup failure at its stage', ({ body, stage, message }) => {
    const setup = failure(start(body));
    expect(setup).toMatchObject({ stage, message });
    expect(setup.output).toEqual({ stdout: '', stderr: '', log: [], droppedBytes: 0 });
  });

  it('a link failure is a setup failure at stage link', () => {
    // A v128 global cannot be made from JavaScript: the one import kind with no stub.
    const setup = failure(start('(import "env" "g" (global v128))'));
    expect(setup.stage).toBe('link');
    expect(setup.message).toMatch(/^LinkError: /);
  });

  it('a blocked init (it hung earlier) is a setup failure with the reason', () => {
    const setup = startBody(LIFECYCLE('(i32.const 0)'), {
      blockedExports: new Map([['init', '`init` hung earlier']]),
    });
    expect(failure(setup)).toMatchObject({ stage: 'init', message: '`init` hung earlier' });
  });

  it('an init the host stops (a log flood) is a setup failure marked stopped', () => {
    const setup = startBody(
      `(import "env" "host_log" (func $log (param i32 i32)))
       (memory (export "memory") 1)
       (func (export "init") (result i32) (call $log (i32.const 0) (i32.const 100)) (i32.const 0))`,
      { maxLogBytesPerCall: 10 },
    );
    expect(failure(setup)).toMatchObject({
      stage: 'init',
      stopped: 'log-flood',
      message:
        'init() wrote 0 bytes of log and stdio, then asked to write 100 more: past the 10-byte limit per call',
    });
  });

  it('a start function growing past the memory limit is a setup failure marked stopped', () => {
    const setup = startBody(
      '(memory (export "memory") 1) (func $s (drop (memory.grow (i32.const 9)))) (start $s)',
      { maxMemoryBytes: 2 * 65536 },
    );
    expect(failure(setup)).toMatchObject({ stage: 'start', stopped: 'memory-bomb' });
  });

  it('keeps what the plugin wrote before it failed', () => {
    const setup = failure(
      start(`
        (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
        (memory (export "memory") 1)
        (data (i32.const 0) "\\10\\00\\00\\00\\05\\00\\00\\00")
        (data (i32.const 16) "oops\\0a")
        (func (export "init") (result i32)
          (drop (call $w (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))
          unreachable)`),
    );
    expect(setup.stage).toBe('init');
    expect(setup.output.stderr).toBe('oops\n');
  });
});

describe('describeSetupFailure', () => {
  const output = { stdout: '', stderr: '', log: [], droppedBytes: 0 };
  it.each<{ stage: Failure['stage']; text: string }>([
    { stage: 'link', text: 'the plugin could not be started: linking the module failed: why' },
    { stage: 'start', text: 'the plugin could not be started: its start function failed: why' },
    { stage: '_initialize', text: 'the plugin could not be started: `_initialize` failed: why' },
    { stage: 'init', text: 'the plugin could not be started: `init` failed: why' },
  ])('$stage', ({ stage, text }) => {
    expect(describeSetupFailure({ ok: false, stage, message: 'why', output })).toBe(text);
  });

  it('describes a real failure', () => {
    const setup = failure(start(LIFECYCLE('unreachable')));
    expect(describeSetupFailure(setup)).toBe(
      'the plugin could not be started: `init` failed: trap: unreachable',
    );
  });
});
