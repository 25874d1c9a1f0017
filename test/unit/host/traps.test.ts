import { describe, expect, it } from 'vitest';
import {
  HostStop,
  ProcExit,
  UnofferedImportCalled,
  describeTrap,
} from '../../../src/host/traps.js';
import { load } from './fixtures.js';

/** The error a wasm function throws, from the engine itself. */
function thrownBy(body: string, name = 'f'): unknown {
  const exports = load(body).instance.exports;
  try {
    (exports[name] as () => void)();
  } catch (error) {
    return error;
  }
  throw new Error(`${name} did not throw`);
}

describe('describeTrap', () => {
  it.each([
    { name: 'unreachable', body: '(func (export "f") unreachable)', text: 'trap: unreachable' },
    {
      name: 'division by zero',
      body: '(func (export "f") (drop (i32.div_s (i32.const 1) (i32.const 0))))',
      text: 'trap: divide by zero',
    },
    {
      name: 'an out-of-bounds store',
      body: '(memory 1) (func (export "f") (i32.store (i32.const 65535) (i32.const 0)))',
      text: 'trap: memory access out of bounds',
    },
    {
      name: 'stack overflow (a RangeError from V8)',
      body: '(func $f (export "f") (call $f))',
      text: 'trap: call stack exhausted (unbounded recursion?)',
    },
  ])('$name -> $text', ({ body, text }) => {
    expect(describeTrap(thrownBy(body))).toBe(text);
  });

  it('the engine gives a RuntimeError for a trap and a RangeError for recursion', () => {
    expect(thrownBy('(func (export "f") unreachable)')).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(thrownBy('(func $f (export "f") (call $f))')).toBeInstanceOf(RangeError);
  });

  it.each([
    { error: new ProcExit(3), text: 'the plugin called proc_exit(3)' },
    {
      error: new UnofferedImportCalled('env', 'memcpy', 'a hint'),
      text: 'the plugin called env.memcpy, which the host does not offer (a hint)',
    },
    {
      error: new UnofferedImportCalled('env', 'other', undefined),
      text: 'the plugin called env.other, which the host does not offer',
    },
    {
      error: new RangeError('offset is out of bounds'),
      text: 'RangeError: offset is out of bounds',
    },
    { error: new TypeError('not a function'), text: 'TypeError: not a function' },
    { error: 42, text: 'thrown: 42' },
    { error: 'text', text: 'thrown: text' },
  ])('$text', ({ error, text }) => {
    expect(describeTrap(error)).toBe(text);
  });

  it('ProcExit keeps its exit code', () => {
    expect(new ProcExit(7).exitCode).toBe(7);
  });
});

describe('HostStop', () => {
  it.each([
    { reason: 'log-flood' as const, detail: 'process(1) wrote too much' },
    { reason: 'memory-bomb' as const, detail: '`process` asked for too many pages' },
  ])('$reason: describeTrap gives its detail', ({ reason, detail }) => {
    const stop = new HostStop(reason, detail);
    expect(stop).toMatchObject({ reason, detail, message: detail });
    expect(describeTrap(stop)).toBe(detail);
  });
});
