import { describe, expect, it } from 'vitest';
import { OutputCapture } from '../../../src/host/capture.js';
import { HostStop } from '../../../src/host/traps.js';
import { utf8 } from './fixtures.js';

describe('OutputCapture', () => {
  it('keeps stdout, stderr and log apart', () => {
    const capture = new OutputCapture(1000);
    capture.writeStream(1, utf8('out '));
    capture.writeStream(2, utf8('err'));
    capture.logMessage('a message', 9);
    capture.writeStream(1, utf8('more'));
    expect(capture.snapshot()).toEqual({
      stdout: 'out more',
      stderr: 'err',
      log: ['a message'],
      droppedBytes: 0,
    });
  });

  // The host charges a write's bytes (chargeBytes) before it copies them: these tests do the same.
  const write = (capture: OutputCapture, fd: 1 | 2, text: string) => {
    const bytes = utf8(text);
    capture.chargeBytes(bytes.length);
    capture.writeStream(fd, bytes);
  };

  it('counts the bytes charged in each call, by its label', () => {
    const capture = new OutputCapture(1000);
    capture.beginCall('process(1, 2)');
    write(capture, 1, 'é'); // 2 bytes
    capture.chargeBytes(3);
    capture.logMessage('abc', 3);
    expect(capture.bytesThisCall).toBe(5);
    capture.endCall();
    expect(capture.bytesThisCall).toBe(0);
    capture.beginCall('process(3, 4)');
    capture.endCall();
    expect(capture.bytesPerCall).toEqual([
      { call: 'process(1, 2)', bytes: 5 },
      { call: 'process(3, 4)', bytes: 0 },
    ]);
  });

  it('counts bytes past the capture limit too (the flood rule needs them)', () => {
    const capture = new OutputCapture(4);
    capture.beginCall('flood()');
    write(capture, 1, '0123456789');
    capture.endCall();
    expect(capture.bytesPerCall).toEqual([{ call: 'flood()', bytes: 10 }]);
    expect(capture.snapshot()).toMatchObject({ stdout: '0123', droppedBytes: 6 });
  });

  it('the per-call limit: up to it is fine, the write that passes it is a log-flood stop', () => {
    const capture = new OutputCapture(1000, 10);
    capture.beginCall('process(7)');
    write(capture, 1, '0123456');
    capture.chargeBytes(3); // exactly at the limit
    let stop: unknown;
    try {
      capture.chargeBytes(1);
    } catch (error) {
      stop = error;
    }
    expect(stop).toBeInstanceOf(HostStop);
    expect(stop).toMatchObject({
      reason: 'log-flood',
      detail:
        'process(7) wrote 10 bytes of log and stdio, then asked to write 1 more: past the 10-byte limit per call',
    });
    // The refused write still counts for the call, though nothing of it was kept.
    expect(capture.bytesThisCall).toBe(11);
    expect(capture.snapshot().stdout).toBe('0123456');
    capture.endCall();
    capture.beginCall('process(8)');
    expect(() => capture.chargeBytes(10)).not.toThrow(); // the limit is per call
  });

  it('keeps at most captureLimit characters and counts the rest as dropped', () => {
    const capture = new OutputCapture(10);
    capture.writeStream(1, utf8('0123456'));
    capture.writeStream(2, utf8('abcdef'));
    capture.logMessage('dropped', 7);
    expect(capture.snapshot()).toEqual({
      stdout: '0123456',
      stderr: 'abc',
      log: [],
      droppedBytes: 3 + 7,
    });
  });

  // The capture limit counts characters; droppedBytes counts the bytes of what was not kept.
  it('droppedBytes counts bytes for multi-byte text cut at the limit', () => {
    const capture = new OutputCapture(1);
    capture.writeStream(1, utf8('ééé'));
    expect(capture.snapshot()).toMatchObject({ stdout: 'é', droppedBytes: 4 });
  });

  it('cuts a long log message at 2048 characters', () => {
    const capture = new OutputCapture(100_000);
    capture.logMessage('x'.repeat(3000), 3000);
    const [message] = capture.snapshot().log;
    expect(message).toHaveLength(2049);
    expect(message!.endsWith('x…')).toBe(true);
  });

  // The part of a long log message cut off past 2048 characters is dropped output.
  it('counts the part of a long log message it cuts off as dropped', () => {
    const capture = new OutputCapture(100_000);
    capture.logMessage('x'.repeat(3000), 3000);
    expect(capture.snapshot().droppedBytes).toBe(3000 - 2048);
  });

  it('mark/since: the output written after the mark', () => {
    const capture = new OutputCapture(1000);
    capture.writeStream(1, utf8('before '));
    capture.logMessage('old', 3);
    const mark = capture.mark();
    expect(mark).toEqual({ stdout: 7, stderr: 0, log: 1, dropped: 0 });
    capture.writeStream(1, utf8('after'));
    capture.writeStream(2, utf8('err'));
    capture.logMessage('new', 3);
    expect(capture.since(mark)).toEqual({
      stdout: 'after',
      stderr: 'err',
      log: ['new'],
      droppedBytes: 0,
    });
    expect(capture.since(capture.mark())).toEqual({
      stdout: '',
      stderr: '',
      log: [],
      droppedBytes: 0,
    });
  });

  // since(mark) reports only what was dropped after the mark (a counterexample's own output).
  it('since(mark) counts only the bytes dropped after the mark', () => {
    const capture = new OutputCapture(4);
    capture.writeStream(1, utf8('0123456789'));
    const mark = capture.mark();
    expect(capture.since(mark).droppedBytes).toBe(0);
  });

  it('records violations with the current call, at most 20', () => {
    const capture = new OutputCapture(1000);
    capture.violation('out-of-bounds', 'before any call');
    capture.beginCall('process(1)');
    capture.violation('invalid-utf8', 'in a call');
    capture.endCall();
    capture.violation('out-of-bounds', 'after');
    expect(capture.violations).toEqual([
      { kind: 'out-of-bounds', call: '(instantiation)', detail: 'before any call' },
      { kind: 'invalid-utf8', call: 'process(1)', detail: 'in a call' },
      { kind: 'out-of-bounds', call: '(between calls)', detail: 'after' },
    ]);
    for (let i = 0; i < 30; i++) capture.violation('out-of-bounds', `${i}`);
    expect(capture.violations).toHaveLength(20);
  });

  it('stderrTail keeps the last characters with an ellipsis', () => {
    const capture = new OutputCapture(10_000);
    capture.writeStream(2, utf8(`${'a'.repeat(1500)}panicked at the end`));
    expect(capture.stderrTail(19)).toBe('…panicked at the end');
    expect(capture.stderrTail()).toHaveLength(1001);
    const short = new OutputCapture(100);
    short.writeStream(2, utf8('short'));
    expect(short.stderrTail()).toBe('short');
  });

  it('snapshot is a copy', () => {
    const capture = new OutputCapture(100);
    capture.logMessage('one', 3);
    const snapshot = capture.snapshot();
    capture.logMessage('two', 3);
    expect(snapshot.log).toEqual(['one']);
  });
});

describe('call records', () => {
  it('labels a call from its name and arguments', () => {
    const capture = new OutputCapture(100);
    capture.beginCall('process', [1, 2, 3, 4]);
    capture.endCall();
    capture.beginCall('seven', []);
    capture.endCall();
    expect(capture.bytesPerCall).toEqual([
      { call: 'process(1, 2, 3, 4)', bytes: 0 },
      { call: 'seven()', bytes: 0 },
    ]);
  });

  it('recordCalls: false keeps no record per call, and still names the call in a stop', () => {
    const capture = new OutputCapture(100, 4);
    capture.recordCalls = false;
    capture.beginCall('flood', [7]);
    expect(() => capture.chargeBytes(5)).toThrow(/^flood\(7\) wrote 0 bytes/);
    capture.endCall();
    expect(capture.bytesPerCall).toEqual([]);
  });
});
