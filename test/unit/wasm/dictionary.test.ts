import { describe, expect, it } from 'vitest';
import { harvestDictionary } from '../../../src/wasm/dictionary.js';
import { wat } from '../../helpers/wat.js';
import { instantiate, pluginInfo, referencePlugin } from './fixtures.js';

const latin1 = (token: Uint8Array) => String.fromCharCode(...token);
const utf8 = (token: Uint8Array) => new TextDecoder().decode(token);

// A parser that checks for '{', the magic "ZNTH" as one i32, an 8-byte magic and "JSON".
const parser = wat(`(module
  (memory 1)
  (data (i32.const 0) "key=value;x\\00{\\"name\\":\\"zenith\\"}\\00\\ff\\fe\\00h\\c3\\a9llo \\e2\\82\\ac\\00\\c3\\28ab")
  (func (export "parse") (param $p i32) (result i32)
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7b)) (then (return (i32.const 1))))
    (if (i32.eq (i32.load (local.get $p)) (i32.const 0x48544e5a)) (then (return (i32.const 2))))
    (if (i64.ne (i64.load (local.get $p)) (i64.const 0x2134366d6f636c65)) (then (return (i32.const 3))))
    (if (i32.lt_u (local.get $p) (i32.const 300)) (then (return (i32.const 4))))
    (if (i32.ge_s (i32.load16_u (local.get $p)) (i32.const 0x2020)) (then (return (i32.const 5))))
    (drop (i32.add (local.get $p) (i32.const 0x4e4f534a)))
    (i32.const 0)))`);

describe('harvestDictionary', () => {
  const tokens = harvestDictionary(parser);
  const asText = tokens.map(latin1);

  it('takes one-byte and printable multi-byte constants the code compares with', () => {
    expect(asText.slice(0, 4)).toEqual(['{', 'ZNTH', 'elcom64!', '  ']);
  });

  it('skips constants that are only added, and ones that are not printable bytes', () => {
    expect(asText).not.toContain('JSON');
    expect(asText).not.toContain(',\u0001');
  });

  it('takes printable runs from data and splits them at separators', () => {
    const strings = tokens.map(utf8);
    for (const token of [
      'key=value;x',
      'key',
      '=',
      'value',
      ';',
      '{"name":"zenith"}',
      'name',
      ':',
    ]) {
      expect(strings).toContain(token);
    }
    expect(strings).toContain('zenith');
    expect(strings).toContain('"');
    expect(strings).not.toContain('x');
  });

  it('keeps valid UTF-8 in runs and breaks them at invalid bytes', () => {
    const strings = tokens.map(utf8);
    expect(strings).toContain('héllo €');
    expect(strings).toContain('héllo');
    expect(strings).toContain('€');
    expect(strings).toContain('(ab');
    expect(
      tokens.some((token) => token.includes(0xff) || (token.includes(0xc3) && token.length === 1)),
    ).toBe(false);
  });

  it('is deterministic, de-duplicated and capped', () => {
    expect(harvestDictionary(parser)).toEqual(tokens);
    expect(new Set(asText).size).toBe(asText.length);
    expect(harvestDictionary(parser, { maxTokens: 3 })).toEqual(tokens.slice(0, 3));
    expect(harvestDictionary(parser, { maxTokens: 0 })).toEqual([]);
  });

  it('splits runs longer than 64 bytes without keeping the whole run', () => {
    const long = `${'a'.repeat(70)}=${'b'.repeat(10)}`;
    const strings = harvestDictionary(
      wat(`(module (memory 1) (data (i32.const 0) "${long}"))`),
    ).map(utf8);
    expect(strings).toEqual(['=', 'b'.repeat(10)]);
  });

  it('splits literals laid end to end where a (pointer, length) pair names them', () => {
    // As Rust lays out `&[("user", "zenith"), ("host", "localhost")]`: the strings with
    // nothing between them, a table of (pointer, length) pairs, and a literal passed in code.
    const strings = harvestDictionary(
      wat(`(module (memory 1)
        (data (i32.const 1024) "userzenithhostlocalhostversion")
        (data (i32.const 2048) "\\00\\04\\00\\00\\04\\00\\00\\00\\04\\04\\00\\00\\06\\00\\00\\00")
        (data (i32.const 2064) "\\0a\\04\\00\\00\\04\\00\\00\\00\\0e\\04\\00\\00\\09\\00\\00\\00")
        (data (i32.const 2080) "\\17\\04\\00\\00\\ff\\00\\00\\00")
        (func (export "f") (result i32)
          (i32.add (i32.const 1047) (i32.const 7))))`),
    ).map(utf8);
    for (const literal of ['user', 'zenith', 'host', 'localhost', 'version']) {
      expect(strings).toContain(literal);
    }
    // A length past the 64-byte cap, or a range that is not printable, names nothing.
    expect(strings.filter((token) => token.startsWith('version'))).toEqual(['version']);
    expect(strings.some((token) => token.includes('\u0004'))).toBe(false);
  });

  it('finds a Rust plugin’s plugin_info text among the tokens', () => {
    const bytes = referencePlugin('text-normalize.wasm');
    const info = pluginInfo(instantiate(bytes));
    expect(info).toBe('text-normalize v1.0.0');
    const strings = harvestDictionary(bytes).map(utf8);
    expect(strings).toContain(info);
    expect(strings).toContain('text-normalize');
  });
});
