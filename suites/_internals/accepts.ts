import fc from 'fast-check';
import type { CallShape } from '../../src/abi/call-shape.js';
import {
  callCaseArbitrary,
  type CaseEnvironment,
} from '../../src/property/arbitraries/call-case.js';
import type { CallProperty } from '../../src/property/call-property.js';
import { describeAnswer, declaredProperty } from './declared.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The valid UTF-8 nearest to some bytes: bad sequences become U+FFFD, cut at the limit. */
function asValidUtf8(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const text = decoder.decode(bytes);
  const valid = encoder.encode(text);
  if (valid.length <= maxBytes) return valid;
  // Cut on a character boundary: back off over continuation bytes.
  let end = maxBytes;
  while (end > 0 && (valid[end]! & 0xc0) === 0x80) end--;
  return valid.subarray(0, end);
}

/**
 * Valid UTF-8 only: the usual mix (generated, explored and corpus inputs) made valid, so that
 * the plugin's own formats still reach it, and strings of any code point, all four widths.
 */
export function validUtf8Arbitrary(
  shape: CallShape,
  env: CaseEnvironment,
): fc.Arbitrary<Uint8Array> {
  const mix = callCaseArbitrary(shape, env, ['apart']).map((testCase) =>
    asValidUtf8(testCase.input, env.maxInputBytes),
  );
  const anyCodePoint = fc
    .string({ unit: 'binary', maxLength: 64 })
    .map((text) => encoder.encode(text))
    .filter((bytes) => bytes.length <= env.maxInputBytes);
  return fc.oneof({ weight: 3, arbitrary: mix }, { weight: 1, arbitrary: anyCodePoint });
}

/** A declared `accepts`: every input from the arbitrary returns 0 when the output has room. */
export function acceptsProperty(
  expected: string,
  input?: (shape: CallShape, env: CaseEnvironment) => fc.Arbitrary<Uint8Array>,
): CallProperty<Uint8Array> {
  return declaredProperty({
    census: false,
    ...(input ? { input } : {}),
    judge: ({ answer, shape }) => {
      if (answer.kind === 'code' && answer.code === 0) return { kind: 'ok' };
      // -3 with room the host cannot give (past the probe's 64 MiB) is not a refusal.
      if (answer.kind === 'code' && answer.code === -3) {
        return { kind: 'inconclusive', why: 'asked for more room than the host gives' };
      }
      return { kind: 'violation', expected, found: describeAnswer(shape.exportName, answer) };
    },
  });
}
