/**
 * The fixed inputs of the differential check (and of the coverage run): for every callable
 * export the plugin has, the canned exercise's inputs and a few hundred seeded ones of several
 * shapes. Capacities are added per input in exercise.ts, once the original's needed size is
 * known.
 */
import fc from 'fast-check';
import { CANNED_INPUTS } from '../../src/check/canned-exercise.js';
import { callableExports, callShapeOf, type CallShape } from '../../src/abi/call-shape.js';
import { inputBytesArbitrary } from '../../src/generators/input-bytes.js';
import { expandBytes } from '../../src/generators/seeded-bytes.js';
import { encodeStruct } from '../../src/abi/struct.js';
import { evaluateProduct } from '../../src/bench/input-dimensions.js';
import type { StructSpec } from '../../src/spec-model/abi-types.generated.js';
import type { SpecIndex } from '../../src/spec-model/spec-index.js';
import { describeBytes } from '../../src/util/bytes-text.js';
import { seededRandom } from './sample.js';

export interface ExerciseInput {
  exportName: string;
  /** Where the input came from, for the report: `canned: short text`, `seeded #12 (text)`. */
  name: string;
  input: Uint8Array;
  /** Field values of the params struct, for exports that take one. */
  fields?: Record<string, number>;
}

export interface InputSettings {
  seed: number;
  /** Seeded inputs per export (the canned ones come on top). */
  seeded: number;
  /** Largest seeded input. */
  maxInputBytes: number;
}

export const DEFAULT_INPUT_SETTINGS: Omit<InputSettings, 'seed'> = {
  seeded: 240,
  maxInputBytes: 16 * 1024,
};

/** The exports the differential check calls, in spec order. */
export function exercisedExports(spec: SpecIndex, exported: ReadonlySet<string>): CallShape[] {
  return callableExports(spec)
    .filter((name) => exported.has(name))
    .map((name) => callShapeOf(spec, name));
}

export function exerciseInputs(
  spec: SpecIndex,
  exported: ReadonlySet<string>,
  settings: InputSettings,
): ExerciseInput[] {
  const inputs: ExerciseInput[] = [];
  for (const shape of exercisedExports(spec, exported)) {
    const exportName = shape.exportName;
    if (shape.params) {
      inputs.push(...paramsInputs(shape, settings));
      continue;
    }
    for (const canned of CANNED_INPUTS) {
      inputs.push({ exportName, name: `canned: ${canned.name}`, input: canned.bytes });
    }
    const framed =
      exportName === 'process'
        ? spec.profiles.find((profile) => profile.processInput && exported.has(profile.export))
        : undefined;
    const header = framed?.processInput
      ? spec.structsByName.get(framed.processInput.header)
      : undefined;
    let seeded = settings.seeded;
    if (framed?.processInput && header) {
      // A framed input (resize's process: a ResizeParams header, then the pixels): most are
      // well formed, so the mutated code past the header check runs at all.
      const framedCount = Math.ceil((seeded * 3) / 4);
      inputs.push(
        ...framedInputs(exportName, header, framed.processInput.then, framedCount, settings),
      );
      seeded -= framedCount;
    }
    const samples = fc.sample(inputBytesArbitrary(settings.maxInputBytes, spec.textWhitespace()), {
      seed: settings.seed,
      numRuns: seeded,
    });
    samples.forEach((input, index) => {
      inputs.push({ exportName, name: `seeded #${index} (${shapeOf(input)})`, input });
    });
  }
  return inputs;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function shapeOf(input: Uint8Array): string {
  if (input.length === 0) return 'empty';
  try {
    strictUtf8.decode(input);
    return `text, ${input.length} bytes`;
  } catch {
    return `bytes, ${input.length} bytes`;
  }
}

/** Mostly small dimensions, sometimes 0 and sometimes large enough to overflow a product. */
function dimension(random: () => number): number {
  const roll = random();
  if (roll < 0.06) return 0;
  if (roll < 0.1) return [0xffffffff, 0x10000, 0x40000000, 0x55555556][Math.floor(random() * 4)]!;
  return 1 + Math.floor(random() * 14);
}

function randomFields(struct: StructSpec, random: () => number): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const field of struct.fields) {
    const value = dimension(random);
    fields[field.name] =
      field.type === 'u8' ? value & 0xff : field.type === 'u16' ? value & 0xffff : value;
  }
  return fields;
}

/** The payload a formula asks for when it is small, else a short decoy the plugin must refuse. */
function payloadFor(formula: string, fields: Record<string, number>, seed: number): Uint8Array {
  const size = evaluateProduct(formula, fields);
  return expandBytes(size <= 65536n ? Number(size) : 64, seed, false);
}

function describeFields(fields: Record<string, number>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

function paramsInputs(shape: CallShape, settings: InputSettings): ExerciseInput[] {
  const { struct, inputSize } = shape.params!;
  const random = seededRandom(settings.seed ^ 0x5eed);
  const fixed: Array<Record<string, number>> = [
    Object.fromEntries(struct.fields.map((field) => [field.name, 1])),
    Object.fromEntries(struct.fields.map((field) => [field.name, 0])),
    Object.fromEntries(struct.fields.map((field, i) => [field.name, i < 2 ? 8 : 3])),
    Object.fromEntries(struct.fields.map((field, i) => [field.name, i < 2 ? 3 : 8])),
  ];
  const inputs: ExerciseInput[] = [];
  for (let index = 0; index < fixed.length + settings.seeded; index++) {
    const fields = fixed[index] ?? randomFields(struct, random);
    inputs.push({
      exportName: shape.exportName,
      name: `${index < fixed.length ? 'fixed' : 'seeded'} #${index} (${describeFields(fields)})`,
      input: payloadFor(inputSize.text, fields, settings.seed + index),
      fields,
    });
  }
  return inputs;
}

function framedInputs(
  exportName: string,
  header: StructSpec,
  then: string,
  count: number,
  settings: InputSettings,
): ExerciseInput[] {
  const random = seededRandom(settings.seed ^ 0xf4a3e);
  return Array.from({ length: count }, (_, index) => {
    const fields = randomFields(header, random);
    let payload = payloadFor(then, fields, settings.seed + index);
    let note = '';
    if (random() < 0.15) {
      // A payload one pixel short or long: the header and the length disagree.
      const delta = random() < 0.5 ? -3 : 3;
      payload = expandBytes(Math.max(0, payload.length + delta), settings.seed + index, false);
      note = `, payload ${delta > 0 ? '+' : ''}${delta}`;
    }
    const input = new Uint8Array(header.size + payload.length);
    input.set(encodeStruct(header, fields));
    input.set(payload, header.size);
    return {
      exportName,
      name: `framed #${index} (${describeFields(fields)}${note})`,
      input,
    };
  });
}

/** One input in words: its name and a preview of its bytes. */
export const describeInput = (input: ExerciseInput): string =>
  `${input.exportName} ${input.name}: ${describeBytes(input.input)}`;
