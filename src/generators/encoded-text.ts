/**
 * Binary data written as text, the way mail (MIME, 76 characters a line), PEM (64) and config
 * files carry it: base64 (padded or not, sometimes URL-safe) and hex, wrapped with LF or CRLF.
 * The text is always a real encoding of its bytes, so a strict decoder accepts it and its
 * size pass and decode loop both run: one that counts a CR as data and one that skips it
 * disagree only on such input.
 */
import fc from 'fast-check';

export type TextEncoding = 'base64' | 'base64url' | 'hex';

export interface EncodedText {
  text: string;
  encoding: TextEncoding;
  /** What a decoder gives back for `text`, line breaks and spaces skipped. */
  bytes: Uint8Array;
}

function wrap(text: string, width: number, newline: string, trailing: boolean): string {
  const step = width || text.length;
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += step) lines.push(text.slice(at, at + step));
  return lines.join(newline) + (trailing ? newline : '');
}

/** Mostly a few bytes (every length mod 3, so every padding), sometimes enough for many lines. */
const payloadArbitrary = (): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }) },
    { weight: 3, arbitrary: fc.uint8Array({ minLength: 13, maxLength: 600, size: 'large' }) },
  );

/** Line widths in characters: MIME, PEM, any, or one line. */
const widthArbitrary = (): fc.Arbitrary<number> =>
  fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.constant(76) },
    { weight: 2, arbitrary: fc.constant(64) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 120 }) },
    { weight: 1, arbitrary: fc.constant(0) },
  );

/** Base64 of random bytes: standard or URL-safe alphabet, padded or not, wrapped. Shrinks to "AA==". */
export function base64TextArbitrary(): fc.Arbitrary<EncodedText> {
  return fc
    .record({
      bytes: payloadArbitrary(),
      urlSafe: fc.oneof(
        { withCrossShrink: true },
        { weight: 4, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      unpadded: fc.oneof(
        { withCrossShrink: true },
        { weight: 3, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      width: widthArbitrary(),
      newline: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
    })
    .map(({ bytes, urlSafe, unpadded, width, newline, trailing }) => {
      let encoded = Buffer.from(bytes).toString('base64');
      if (urlSafe) encoded = encoded.replace(/\+/g, '-').replace(/\//g, '_');
      if (unpadded) encoded = encoded.replace(/=+$/, '');
      return {
        text: wrap(encoded, width, newline, trailing),
        encoding: urlSafe ? 'base64url' : 'base64',
        bytes,
      };
    });
}

/**
 * Hex of random bytes, lower or upper case, the bytes run together or a space apart, wrapped
 * every 16 or 32 bytes (or any count, or never). Shrinks to "00".
 */
export function hexTextArbitrary(): fc.Arbitrary<EncodedText> {
  return fc
    .record({
      bytes: payloadArbitrary(),
      upper: fc.boolean(),
      separator: fc.constantFrom('', ' '),
      perLine: fc.oneof(
        { withCrossShrink: true },
        { weight: 2, arbitrary: fc.constantFrom(16, 32) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 64 }) },
        { weight: 1, arbitrary: fc.constant(0) },
      ),
      newline: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
    })
    .map(({ bytes, upper, separator, perLine, newline, trailing }) => {
      const pairs = Array.from(bytes, (byte) => {
        const pair = byte.toString(16).padStart(2, '0');
        return upper ? pair.toUpperCase() : pair;
      });
      const lines: string[] = [];
      const step = perLine || pairs.length;
      for (let at = 0; at < pairs.length; at += step) {
        lines.push(pairs.slice(at, at + step).join(separator));
      }
      const text = lines.join(newline) + (trailing ? newline : '');
      return { text, encoding: 'hex', bytes };
    });
}

/** Base64 three times in four, else hex. */
export function encodedTextArbitrary(): fc.Arbitrary<EncodedText> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: base64TextArbitrary() },
    { weight: 1, arbitrary: hexTextArbitrary() },
  );
}
