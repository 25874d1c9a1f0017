import fc from 'fast-check';
import type { LayoutKind } from '../../abi/buffer-layout.js';
import type { CallCase } from '../../abi/call-case.js';
import type { CallShape } from '../../abi/call-shape.js';
import type { CapacityChoice } from '../../abi/capacity.js';
import type { SizeFormula } from '../../abi/size-formula.js';
import { encodeStruct } from '../../abi/struct.js';
import { defaultInputArbitrary, withCorpus } from '../../generators/input-bytes.js';
import { expandBytes } from '../../generators/seeded-bytes.js';
import type { StructSpec } from '../../spec-model/abi-types.generated.js';
import { capacityArbitrary } from './capacity.js';
import { reducibleBytes } from './reducible-bytes.js';
import { placementArbitrary } from './placement.js';
import { structFieldsArbitrary, type FieldValues } from './struct-fields.js';

export interface CaseEnvironment {
  maxInputBytes: number;
  /** The tokenizer profile's whitespace, used for text inputs everywhere. */
  whitespace: readonly number[];
  /** Input formats `process` takes in this plugin, from the profiles it implements. */
  processInputs: ReadonlyArray<{ header: StructSpec; payload: SizeFormula }>;
  /**
   * Tokens harvested from the module (strings in its data, constants its code compares with),
   * spliced into generated inputs; empty for none.
   */
  dictionary: readonly Uint8Array[];
  /**
   * The author's sample inputs (--corpus), each within maxInputBytes: with some, they and
   * their mutants get most of the cases.
   */
  corpus?: readonly Uint8Array[];
  /** Inputs the coverage-guided exploration kept: they and their mutants get a third. */
  explored?: readonly Uint8Array[];
  /**
   * Inputs the exploration saw `process` accept with output: what a rule that needs an
   * accepted input (a history after an edge input) starts from.
   */
  accepted?: readonly Uint8Array[];
  /** Inputs that trapped `process` during exploration: the rule about traps runs them first. */
  trapped?: readonly Uint8Array[];
  /**
   * The spec's edge inputs within maxInputBytes: run first by the single-call rules (those
   * with `rules` only by the rules named).
   */
  edgeInputs?: ReadonlyArray<{ bytes: Uint8Array; rules?: readonly string[] }>;
}

/**
 * What exploration found for this export: the inputs it kept (new blocks) and, for `process`
 * (the export it explores), those it saw accepted that it did not keep, mutated like the rest.
 * A narrow format's few accepted inputs are the ones its checks past the input check need.
 */
function exploredFor(shape: CallShape, env: CaseEnvironment): Uint8Array[] {
  const kept = env.explored ?? [];
  if (shape.exportName !== 'process' || !env.accepted?.length) return [...kept];
  const more = env.accepted.filter(
    (input) => !kept.some((other) => Buffer.compare(other, input) === 0),
  );
  return [...kept, ...more];
}

/** A profile's `process` input: a header struct, then the payload its fields size. */
function headerAndPayload(
  header: StructSpec,
  payload: SizeFormula,
  maxBytes: number,
): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(structFieldsArbitrary(header, [payload], Math.max(0, maxBytes - header.size)), fc.nat())
    .map(([fields, seed]) => {
      const size = payload.evaluate(fields);
      // A size that overflows u32 gets a short decoy payload: the plugin must reject the header.
      const body =
        size <= BigInt(maxBytes - header.size)
          ? expandBytes(Number(size), seed, false)
          : expandBytes(seed % 64, seed, false);
      const out = new Uint8Array(header.size + body.length);
      out.set(encodeStruct(header, fields));
      out.set(body, header.size);
      return out;
    });
}

/** The bytes a params-struct call gets as input: the derived size when it fits, else a decoy. */
export function derivedInput(
  shape: CallShape,
  fields: FieldValues,
  seed: number,
  maxBytes: number,
): Uint8Array {
  const size = shape.params!.inputSize.evaluate(fields);
  return size <= BigInt(maxBytes)
    ? expandBytes(Number(size), seed, false)
    : expandBytes(seed % 64, seed, false);
}

/**
 * Cases for any export whose parameters the spec describes: input content from the roles
 * (bytes and text for an input pointer and length, struct fields for a params pointer),
 * placements from the given layouts, capacities for exports with an output-length cell.
 */
export function callCaseArbitrary(
  shape: CallShape,
  env: CaseEnvironment,
  layouts: readonly LayoutKind[],
): fc.Arbitrary<CallCase> {
  // Arbitraries are values (generation state lives in the random source), so rules sharing an
  // environment share them: building the input mix takes milliseconds, as long as a few hundred
  // cases of a small plugin.
  let built = arbitraries.get(env);
  if (!built) arbitraries.set(env, (built = new Map<string, fc.Arbitrary<CallCase>>()));
  const key = `${shape.exportName}\u0000${layouts.join(',')}`;
  let arbitrary = built.get(key);
  if (!arbitrary) built.set(key, (arbitrary = buildCallCaseArbitrary(shape, env, layouts)));
  return arbitrary;
}

const arbitraries = new WeakMap<CaseEnvironment, Map<string, fc.Arbitrary<CallCase>>>();

function buildCallCaseArbitrary(
  shape: CallShape,
  env: CaseEnvironment,
  layouts: readonly LayoutKind[],
): fc.Arbitrary<CallCase> {
  const placement = placementArbitrary(layouts);
  const capacity: fc.Arbitrary<CapacityChoice> =
    shape.sizing === 'capacity-cell' ? capacityArbitrary : fc.constant({ kind: 'ample' as const });
  if (shape.params) {
    const { struct, inputSize, outputSize } = shape.params;
    return fc
      .record({
        fields: structFieldsArbitrary(struct, [inputSize, outputSize], env.maxInputBytes),
        seed: fc.nat(),
        placement,
        capacity,
      })
      .map(({ fields, seed, placement: where, capacity: room }) => ({
        input: derivedInput(shape, fields, seed, env.maxInputBytes),
        fields,
        placement: where,
        capacity: room,
      }));
  }
  const generic = defaultInputArbitrary(env.maxInputBytes, env.whitespace, env.dictionary);
  const formats = shape.exportName === 'process' ? env.processInputs : [];
  const base =
    formats.length === 0
      ? generic
      : fc.oneof(
          { weight: 1, arbitrary: generic },
          ...formats.map(({ header, payload }) => ({
            weight: 2,
            arbitrary: headerAndPayload(header, payload, env.maxInputBytes),
          })),
        );
  // A corpus weighs twice the rest together, profile formats included. Wrapped so that a
  // failure shrinks by deleting bytes whatever shape made it.
  const input = reducibleBytes(
    withCorpus(
      base,
      { dictionary: env.dictionary, corpus: env.corpus ?? [], explored: exploredFor(shape, env) },
      env.maxInputBytes,
    ),
  );
  return fc.record({ input, placement, capacity });
}
