import { describe, expect, it } from 'vitest';
import { sanitizeDeep, sanitizeText } from '../../../src/util/sanitize.js';
import { RAW_CONTROL } from '../../helpers/hostile-text.js';

describe('sanitizeText', () => {
  it.each([
    ['\x1b[2J', '\\x1b[2J'],
    ['\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['a\x00b', 'a\\x00b'],
    ['\x7f\x9b', '\\x7f\\x9b'],
    ['abc\u202edef', 'abc\\u202edef'],
    ['\u2066\u2067\u2068\u2069\u202a', '\\u2066\\u2067\\u2068\\u2069\\u202a'],
    ['one\ntwo\tthree\r', 'one\\ntwo\\tthree\\r'],
    ['\ufffe\uffff', '\\ufffe\\uffff'],
    ['lone \ud800 surrogate', 'lone \\ud800 surrogate'],
  ])('escapes %j as %j', (raw, shown) => {
    expect(sanitizeText(raw)).toBe(shown);
  });

  it('keeps line feeds and tabs in multi-line text, and nothing else', () => {
    expect(sanitizeText('a\nb\tc\r\x1b', { multiline: true })).toBe('a\nb\tc\\r\\x1b');
  });

  it('leaves ordinary text alone: accents, emoji, CJK, paired surrogates', () => {
    const text = 'café ✓ 日本語 😀 plugin v1.0.0 · 64 KiB';
    expect(sanitizeText(text)).toBe(text);
  });

  it('never leaves a raw control, whatever the input', () => {
    const all = Array.from({ length: 0x30000 }, (_, code) =>
      code >= 0xd800 && code <= 0xdfff ? '' : String.fromCodePoint(code),
    ).join('');
    expect(sanitizeText(all)).not.toMatch(RAW_CONTROL);
    expect(sanitizeText(all)).not.toMatch(/\n/);
  });
});

describe('sanitizeDeep', () => {
  it('sanitizes every string of a nested value, keeping line feeds only under the given keys', () => {
    const value = {
      source: 'a\x1bb',
      n: 5,
      nested: [{ found: 'x\ny', stderr: 'l1\nl2\x07' }],
      output: { log: ['m\n\x00'] },
    };
    expect(sanitizeDeep(value, new Set(['stderr', 'log']))).toEqual({
      source: 'a\\x1bb',
      n: 5,
      nested: [{ found: 'x\\ny', stderr: 'l1\nl2\\x07' }],
      output: { log: ['m\n\\x00'] },
    });
    expect(value.source).toBe('a\x1bb');
  });
});
