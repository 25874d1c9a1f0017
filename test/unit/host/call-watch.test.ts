import { describe, expect, it } from 'vitest';
import {
  CallWatch,
  CallWatchReader,
  INPUT_PREVIEW_BYTES,
  createWatchBuffer,
} from '../../../src/host/call-watch.js';

const NAMES = ['(instantiate)', 'process', 'tokenize'];

function pair() {
  const buffer = createWatchBuffer();
  const reader = new CallWatchReader(buffer, NAMES);
  const watch = new CallWatch(buffer, new Map(NAMES.map((name, i) => [name, i])));
  return { buffer, reader, watch };
}

describe('CallWatch / CallWatchReader', () => {
  it('a buffer holds the slots and the input preview', () => {
    expect(createWatchBuffer()).toBeInstanceOf(SharedArrayBuffer);
    expect(createWatchBuffer().byteLength).toBe(11 * 4 + INPUT_PREVIEW_BYTES);
  });

  it('current() is the call only while it runs', () => {
    const { reader, watch } = pair();
    expect(reader.current()).toBeUndefined();
    watch.enter('process', [16, 3, 1024, 2048], 3);
    expect(reader.current()).toEqual({
      sequence: 1,
      exportName: 'process',
      args: [16, 3, 1024, 2048],
      callBytes: 3,
      caseIndex: -1,
      caseSeed: 0,
      input: undefined,
    });
    watch.leave();
    expect(reader.current()).toBeUndefined();
    expect(reader.last()).toMatchObject({ sequence: 1, exportName: 'process' });
  });

  it('the sequence increments on every call', () => {
    const { reader, watch } = pair();
    for (let i = 1; i <= 5; i++) {
      watch.enter('tokenize', [i]);
      expect(reader.current()?.sequence).toBe(i);
      watch.leave();
    }
  });

  it('arguments: the first four, unsigned, missing ones 0', () => {
    const { reader, watch } = pair();
    watch.enter('process', [0xffffffff, -1, 7, 8, 9]);
    expect(reader.current()?.args).toEqual([0xffffffff, 0xffffffff, 7, 8]);
    watch.enter('process', [5]);
    expect(reader.current()?.args).toEqual([5, 0, 0, 0]);
  });

  it('an export without an id is named as unknown', () => {
    const { reader, watch } = pair();
    watch.enter('cleanup', []);
    expect(reader.current()?.exportName).toBe('(unknown export)');
  });

  it('setCase labels the call with the case and the first bytes of its input', () => {
    const { reader, watch } = pair();
    const input = Uint8Array.from({ length: 100 }, (_, i) => i);
    watch.setCase(1234, 17, input);
    watch.enter('process', [1, 100, 3, 4]);
    const call = reader.current()!;
    expect(call.caseSeed).toBe(1234);
    expect(call.caseIndex).toBe(17);
    expect(call.input?.length).toBe(100);
    expect(call.input?.head).toEqual(input.subarray(0, INPUT_PREVIEW_BYTES));
  });

  it('a shorter input shows only its own bytes; a case without input shows none', () => {
    const { reader, watch } = pair();
    watch.setCase(1, 0, new Uint8Array(48).fill(9));
    watch.setCase(1, 1, Uint8Array.of(1, 2, 3));
    watch.enter('process', []);
    expect(reader.current()?.input).toEqual({ length: 3, head: Uint8Array.of(1, 2, 3) });
    watch.setCase(1, 2);
    expect(reader.current()?.input).toBeUndefined();
    watch.setCase(1, 3, new Uint8Array(0));
    expect(reader.current()?.input).toEqual({ length: 0, head: new Uint8Array(0) });
  });

  it('reset clears the call and the case', () => {
    const { reader, watch } = pair();
    watch.setCase(5, 6, Uint8Array.of(1));
    watch.enter('process', [1]);
    reader.reset();
    expect(reader.current()).toBeUndefined();
    expect(reader.last()).toMatchObject({ caseIndex: -1, input: undefined, sequence: 1 });
  });

  it('a reader on another view of the same buffer sees the same call', () => {
    const { buffer, watch } = pair();
    watch.enter('tokenize', [9]);
    expect(new CallWatchReader(buffer, NAMES).current()?.exportName).toBe('tokenize');
  });
});
