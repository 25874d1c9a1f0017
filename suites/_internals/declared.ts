import type fc from 'fast-check';
import { probe } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import type { CheckContext } from '../../src/check/context.js';
import type { CallOutcome, PluginInstance } from '../../src/host/plugin-instance.js';
import {
  callCaseArbitrary,
  type CaseEnvironment,
} from '../../src/property/arbitraries/call-case.js';
import type { CallProperty, CaseVerdict } from '../../src/property/call-property.js';
import { caseCodeOf } from '../../src/property/census.js';
import { reducibleBytes } from '../../src/property/arbitraries/reducible-bytes.js';
import type { PluginSession } from '../../src/property/session.js';
import { describeBytes } from '../../src/util/bytes-text.js';
import { describeOutcome } from './describe.js';

/** What one call of `process` with ample room answered: a code and its output, or no code. */
export type Answer =
  { kind: 'code'; code: number; output: Uint8Array } | { kind: 'ended'; outcome: CallOutcome };

/**
 * Calls an export with room enough (following one -3 request for more), as a host does that
 * wants the answer: the declared properties judge answers, not buffer handling, which the ABI
 * rules already check on the same inputs.
 */
export function answerOf(instance: PluginInstance, shape: CallShape, input: Uint8Array): Answer {
  const { result } = probe(instance, shape, input, true);
  if (result.outcome.kind !== 'returned' || result.outcome.value === undefined) {
    return { kind: 'ended', outcome: result.outcome };
  }
  const code = result.outcome.value;
  const count = code === 0 ? (result.cellAfter ?? 0) * shape.elementBytes : 0;
  return { kind: 'code', code, output: result.output.subarray(0, count).slice() };
}

export const describeAnswer = (call: string, answer: Answer): string =>
  answer.kind === 'ended'
    ? describeOutcome(call, answer.outcome)
    : answer.code === 0
      ? `${call} returned 0 with ${describeBytes(answer.output)}`
      : `${call} returned ${answer.code}`;

export interface DeclaredJudge {
  input: Uint8Array;
  answer: Answer;
  shape: CallShape;
  env: CaseEnvironment;
  /** Calls `process` again on other bytes (undefined when they are past the input limit). */
  again: (bytes: Uint8Array) => Answer | undefined;
  session: PluginSession;
}

export interface DeclaredPropertyOptions {
  /** Inputs other than the fuzzers' usual mix (e.g. only valid UTF-8). */
  input?(shape: CallShape, env: CaseEnvironment): fc.Arbitrary<Uint8Array>;
  judge(case_: DeclaredJudge): CaseVerdict;
  /** False for rules fed a filtered mix: their census would mislead. */
  census?: boolean;
}

/** A case the property cannot judge because the plugin declined the input, as it may. */
export const declined = (answer: Answer): CaseVerdict => ({
  kind: 'inconclusive',
  why: answer.kind === 'code' ? `returned ${answer.code}` : answer.outcome.kind,
  allowed: true,
});

/**
 * A property the plugin's config declares about `process`, run by the fuzzers on the same
 * input mix as the ABI rules (generated, format shapes, dictionary, explored and corpus
 * inputs), shrunk to a minimal counterexample.
 */
export function declaredProperty(options: DeclaredPropertyOptions): CallProperty<Uint8Array> {
  return {
    appliesTo: (shape) => shape.exportName === 'process',
    // A case costs one or two plain calls (no guards, no probes of placements), and a declared
    // property is the only rule that can see a logic bug: it gets twice the cases.
    runs: (configured) => configured * 2,
    ...(options.census === false ? { census: false } : {}),
    arbitrary: (shape, env) =>
      options.input
        ? reducibleBytes(options.input(shape, env))
        : callCaseArbitrary(shape, env, ['apart']).map((testCase) => testCase.input),
    check: (session, shape, input, env) => {
      const answer = answerOf(session.current(), shape, input);
      session.record(
        caseCodeOf(
          answer.kind === 'code' ? { kind: 'returned', value: answer.code } : answer.outcome,
        ),
      );
      const again = (bytes: Uint8Array): Answer | undefined =>
        bytes.length > env.maxInputBytes ? undefined : answerOf(session.current(), shape, bytes);
      return options.judge({ input, answer, shape, env, again, session });
    },
    inputOf: (input) => input,
    describe: (_shape, input) => `input: ${describeBytes(input)}`,
  };
}

/** The contract's value for a rule's declared key (checks run only when it is declared). */
export function declaredValue(ctx: CheckContext): string {
  const key = ctx.rule.declaredBy?.key;
  const value = key
    ? (ctx.contract?.properties as Record<string, unknown> | undefined)?.[key]
    : undefined;
  if (typeof value !== 'string') throw new Error(`${ctx.rule.id} ran without its declaration`);
  return value;
}

/**
 * A declared output format: every output of a call that returns 0 passes `problem` (which
 * names where it fails, or returns undefined).
 */
export function outputFormatProperty(
  expected: string,
  problem: (output: Uint8Array) => string | undefined,
): CallProperty<Uint8Array> {
  return declaredProperty({
    judge: ({ answer }) => {
      if (answer.kind !== 'code' || answer.code !== 0) return declined(answer);
      const found = problem(answer.output);
      return found === undefined
        ? { kind: 'ok' }
        : {
            kind: 'violation',
            expected,
            found: `returned 0 with ${describeBytes(answer.output)}: ${found}`,
          };
    },
  });
}
