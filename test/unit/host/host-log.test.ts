import { describe, expect, it } from 'vitest';
import { load } from './fixtures.js';

const LOGGER = (memory = '(memory (export "memory") 1)') => `
  (import "env" "host_log" (func $log (param i32 i32)))
  ${memory}
  (data (i32.const 0) "hello log")
  (data (i32.const 32) "\\ff\\fe ok")
  (data (i32.const 65530) "at end")
  (func (export "log") (param i32 i32) (call $log (local.get 0) (local.get 1)))`;

describe('host_log', () => {
  it.each([
    { args: [0, 9], text: 'hello log' },
    { args: [0, 0], text: '' },
    { args: [65530, 6], text: 'at end' },
    { args: [65536, 0], text: '' },
  ])('in bounds: log($args) records $text', ({ args, text }) => {
    const plugin = load(LOGGER());
    expect(plugin.call('log', args)).toEqual({ kind: 'returned', value: undefined });
    expect(plugin.capture.snapshot().log).toEqual([text]);
    expect(plugin.capture.violations).toEqual([]);
    expect(plugin.capture.bytesPerCall.at(-1)).toEqual({
      call: `log(${args.join(', ')})`,
      bytes: args[1],
    });
  });

  it.each([
    {
      args: [65530, 7],
      detail: "host_log(ptr=65530, len=7) reaches byte 65537, past the memory's 65536 bytes",
    },
    {
      args: [-1, 1],
      detail:
        "host_log(ptr=4294967295, len=1) reaches byte 4294967296, past the memory's 65536 bytes",
    },
    {
      args: [0, -1],
      detail:
        "host_log(ptr=0, len=4294967295) reaches byte 4294967295, past the memory's 65536 bytes",
    },
  ])('out of bounds: log($args) is a violation, not a trap', ({ args, detail }) => {
    const plugin = load(LOGGER());
    expect(plugin.call('log', args)).toEqual({ kind: 'returned', value: undefined });
    expect(plugin.capture.violations).toEqual([
      { kind: 'out-of-bounds', call: `log(${args.join(', ')})`, detail },
    ]);
    expect(plugin.capture.snapshot().log).toEqual([]);
    expect(plugin.poisoned).toBeUndefined();
  });

  it('invalid UTF-8 is a violation; the text is still logged with replacement characters', () => {
    const plugin = load(LOGGER());
    plugin.call('log', [32, 5]);
    expect(plugin.capture.violations).toEqual([
      {
        kind: 'invalid-utf8',
        call: 'log(32, 5)',
        detail: 'host_log(ptr=32, len=5) passed bytes that are not UTF-8: "\ufffd\ufffd ok"',
      },
    ]);
    expect(plugin.capture.snapshot().log).toEqual(['\ufffd\ufffd ok']);
    expect(plugin.capture.bytesPerCall.at(-1)?.bytes).toBe(5);
  });

  it('reads a shared memory', () => {
    const plugin = load(LOGGER('(memory (export "memory") 1 1 shared)'));
    plugin.call('log', [0, 5]);
    expect(plugin.capture.snapshot().log).toEqual(['hello']);
    expect(plugin.capture.violations).toEqual([]);
  });

  it('without an exported memory every message is out of bounds', () => {
    const plugin = load(LOGGER('(memory 1)'));
    plugin.call('log', [0, 5]);
    expect(plugin.capture.violations).toEqual([
      {
        kind: 'out-of-bounds',
        call: 'log(0, 5)',
        detail: "host_log(ptr=0, len=5) reaches byte 5, past the memory's 0 bytes",
      },
    ]);
  });

  // A known limitation, pinned here: the host sees the exported memory only once instantiation
  // returns, so a start function's host_log is reported out of bounds of "0 bytes" although
  // the plugin did nothing wrong.
  it('a host_log from the start function is recorded as out of bounds (memory not yet known)', () => {
    const plugin = load(
      `${LOGGER()} (func $start (call $log (i32.const 0) (i32.const 5))) (start $start)`,
    );
    expect(plugin.capture.violations).toEqual([
      {
        kind: 'out-of-bounds',
        call: '(instantiate)',
        detail: "host_log(ptr=0, len=5) reaches byte 5, past the memory's 0 bytes",
      },
    ]);
  });

  it('keeps at most 20 violations', () => {
    const plugin = load(LOGGER());
    for (let i = 0; i < 25; i++) plugin.call('log', [65536, i + 1]);
    expect(plugin.capture.violations).toHaveLength(20);
  });
});
