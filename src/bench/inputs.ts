import { createHash } from 'node:crypto';
import { expandBytes } from '../generators/seeded-bytes.js';
import type { CallShape } from '../abi/call-shape.js';
import { encodeStruct } from '../abi/struct.js';
import type { Profile } from '../spec-model/abi-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { describeDimensions, dimensionsFor, evaluateProduct } from './input-dimensions.js';
import { textInput } from '../generators/text-sample.js';
import type { InputKind } from '../spec-model/bench-report-types.generated.js';

/** What one case passes to the export: the input buffer, and a params struct for some exports. */
export interface BenchInput {
  kind: InputKind;
  input: Uint8Array;
  params?: Uint8Array;
  /** Output bytes for exports whose output size follows from the params struct. */
  outputBytes?: number;
  /** The input in words, for reports. */
  description: string;
}

export interface InputPlan {
  spec: SpecIndex;
  /** The plugin's function exports: profiles apply when their export is present. */
  exports: ReadonlySet<string>;
  seed: number;
}

/** Profiles the plugin implements (it exports the profile's export). */
export function implementedProfiles(plan: InputPlan): Profile[] {
  return plan.spec.profiles.filter((profile) => plan.exports.has(profile.export));
}

/**
 * A valid input of about `size` bytes for the export, from the spec: a params struct and its
 * payload for exports that take one, a profile's header and payload for `process` of a plugin
 * with such a profile (resize), text for a plugin with a whitespace profile (tokenizer), and
 * seeded bytes otherwise (or text when asked, for plugins that reject bytes).
 */
export function generateInput(
  plan: InputPlan,
  shape: CallShape,
  size: number,
  preferText = false,
): BenchInput {
  const profiles = implementedProfiles(plan);
  if (shape.params) {
    const { struct, inputSize, outputSize } = shape.params;
    const fields = dimensionsFor(struct, inputSize.text, outputSize.text, size);
    const input = expandBytes(Number(inputSize.evaluate(fields)), plan.seed, false);
    return {
      kind: 'pixels+params',
      input,
      params: encodeStruct(struct, fields),
      outputBytes: Number(outputSize.evaluate(fields)),
      description: describeDimensions(fields, inputSize.text, outputSize.text),
    };
  }
  const framed = shape.exportName === 'process' && profiles.find((p) => p.processInput);
  if (framed && framed.processInput) {
    const header = plan.spec.structsByName.get(framed.processInput.header);
    if (!header) throw new Error(`profile ${framed.name}: no struct ${framed.processInput.header}`);
    const counterpart = pairedOutputFormula(plan, framed);
    const payloadBytes = Math.max(0, size - header.size);
    const fields = dimensionsFor(header, framed.processInput.then, counterpart, payloadBytes);
    const payload = expandBytes(
      Number(evaluateProduct(framed.processInput.then, fields)),
      plan.seed,
      false,
    );
    const input = new Uint8Array(header.size + payload.length);
    input.set(encodeStruct(header, fields));
    input.set(payload, header.size);
    return {
      kind: 'header+payload',
      input,
      description: `${header.name} + ${describeDimensions(fields, framed.processInput.then, counterpart)}`,
    };
  }
  if (profiles.some((profile) => profile.whitespace) || preferText) {
    return {
      kind: 'text',
      input: textInput(size, plan.seed, plan.spec.textWhitespace()),
      description: `UTF-8 text, ${size} bytes`,
    };
  }
  return {
    kind: 'bytes',
    input: expandBytes(size, plan.seed, false),
    description: `seeded bytes, ${size} bytes`,
  };
}

/**
 * The user's file as the export's input. An export with a params struct reads the file as the
 * profile's `process` input: the struct first, then the payload.
 */
export function fileInput(shape: CallShape, file: Uint8Array, path: string): BenchInput | string {
  if (!shape.params)
    return { kind: 'file', input: file, description: `${path}, ${file.length} bytes` };
  const { struct, outputSize } = shape.params;
  if (file.length < struct.size) {
    return `${path} is ${file.length} bytes, shorter than the ${struct.name} struct (${struct.size} bytes) that \`${shape.exportName}\` needs first`;
  }
  const params = file.slice(0, struct.size);
  const view = new DataView(params.buffer);
  const fields: Record<string, number> = {};
  for (const field of struct.fields) {
    fields[field.name] =
      field.type === 'u8' ? view.getUint8(field.offset) : view.getUint32(field.offset, true);
  }
  const output = outputSize.evaluate(fields);
  return {
    kind: 'file',
    input: file.slice(struct.size),
    params,
    outputBytes: output <= 0xffffffffn ? Number(output) : 0,
    description: `${path}: ${struct.name} + ${file.length - struct.size} bytes`,
  };
}

export function inputDigest(input: BenchInput): string {
  const hash = createHash('sha256').update(input.input);
  if (input.params) hash.update(input.params);
  return hash.digest('hex');
}

/** Bytes a call reads: the input buffer and the params struct. */
export function inputBytesOf(input: BenchInput): number {
  return input.input.length + (input.params?.length ?? 0);
}

/** For `process` of a profile with a header: the header's output formula, from the export that
 * takes the same struct as params (resize_image's dst_width*dst_height*3). */
function pairedOutputFormula(plan: InputPlan, profile: Profile): string | undefined {
  return plan.spec.exports.find(
    (entry) =>
      entry.params?.some((param) => param.struct === profile.processInput?.header) &&
      entry.output?.derivedSize,
  )?.output?.derivedSize;
}
