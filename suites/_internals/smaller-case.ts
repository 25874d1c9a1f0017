import type { CallCase } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { decodeStruct, encodeStruct } from '../../src/abi/struct.js';
import type { CaseEnvironment } from '../../src/property/arbitraries/call-case.js';
import { derivedInput } from '../../src/property/arbitraries/call-case.js';
import type { FieldValues } from '../../src/property/arbitraries/struct-fields.js';

/** Every field halved (at least 1); undefined when none gets smaller. */
function halved(fields: FieldValues): FieldValues | undefined {
  const half = Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, Math.max(1, Math.floor(value / 2))]),
  );
  return Object.keys(fields).some((name) => half[name]! < fields[name]!) ? half : undefined;
}

/**
 * The same kind of input, smaller: a params struct with every dimension halved, or a
 * profile's `process` input (header, then the payload it sizes) with the header's fields
 * halved and the payload cut to fit. After a bigger call, a scratch buffer a plugin reuses
 * without clearing still holds the bigger call's bytes past the smaller one's end.
 */
export function smallerCase(
  base: CallCase,
  shape: CallShape,
  env: CaseEnvironment,
): CallCase | undefined {
  if (base.fields && shape.params) {
    const fields = halved(base.fields);
    if (!fields) return undefined;
    const size = shape.params.inputSize.evaluate(fields);
    if (size > BigInt(env.maxInputBytes)) return undefined;
    return {
      ...base,
      fields,
      input: derivedInput(shape, fields, base.input.length, env.maxInputBytes),
    };
  }
  if (shape.exportName !== 'process') return undefined;
  for (const { header, payload } of env.processInputs) {
    if (base.input.length < header.size) continue;
    const fields = decodeStruct(header, base.input);
    if (payload.evaluate(fields) !== BigInt(base.input.length - header.size)) continue;
    const smaller = halved(fields);
    if (!smaller) continue;
    const size = Number(payload.evaluate(smaller));
    const input = new Uint8Array(header.size + size);
    input.set(encodeStruct(header, smaller));
    input.set(base.input.subarray(header.size, header.size + size), header.size);
    return { ...base, input };
  }
  return undefined;
}
