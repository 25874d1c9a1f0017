import { outputFillFor, type Surroundings } from '../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck } from '../../src/check/define-check.js';
import type { CapturedText } from '../../src/host/capture.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import {
  callResultOf,
  describeResult,
  describeResultDifference,
  type CallResult,
} from '../_internals/call-result.js';

/**
 * Each case three times, on fresh instances that differ only in what surrounds the buffers:
 * the guard bytes and the output's initial fill as is, inverted, and guards of line feeds.
 * Same clock, same seed, same history: a different result means the call read memory outside
 * its input (inverting changes every byte it could read; line feeds are what a line-minded
 * read past the input most often tests for, and neither of the other two has one next to
 * every buffer).
 */
const STANDARD_FILL = outputFillFor('standard');

/** Whether every differing byte is one the call never wrote: ZC-CALL-014's bug, not a read. */
function onlyUnwrittenBytesDiffer(
  standard: CallResult,
  other: CallResult,
  otherFill: number,
): boolean {
  if (standard.bytes.length !== other.bytes.length) return false;
  for (let i = 0; i < standard.bytes.length; i++) {
    if (standard.bytes[i] === other.bytes[i]) continue;
    if (standard.bytes[i] !== STANDARD_FILL || other.bytes[i] !== otherFill) return false;
  }
  return true;
}

/**
 * What the call wrote to host_log, stdout and stderr: part of its result here, since a message
 * that quotes bytes past the input ("the input from the error on", 16 bytes whatever is left)
 * leaks the host's memory as surely as output does, while the output itself stays right.
 */
function writtenLines(written: CapturedText): string[] {
  return [
    ...written.log.map((message) => `host_log ${JSON.stringify(message)}`),
    ...(written.stdout ? [`stdout ${JSON.stringify(written.stdout)}`] : []),
    ...(written.stderr ? [`stderr ${JSON.stringify(written.stderr)}`] : []),
  ];
}

/** The first line of log or stdio that differs, from both sides; undefined when none does. */
function writtenDifference(standard: string[], other: string[]): string | undefined {
  const clip = (line: string | undefined): string =>
    line === undefined ? 'nothing' : line.length > 160 ? `${line.slice(0, 160)}…` : line;
  for (let i = 0; i < Math.max(standard.length, other.length); i++) {
    if (standard[i] === other[i]) continue;
    return `its log differs at message ${i + 1}: ${clip(standard[i])} as is, ${clip(other[i])} here`;
  }
  return undefined;
}

const clipLines = (lines: string[]): string => {
  const text = lines.join('; ');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || 'none';
};

/** The other surroundings, and how the failure says what they were. */
const VARIANTS: ReadonlyArray<readonly [Surroundings, string]> = [
  ['inverted', 'with every guard byte and output byte inverted before the call'],
  ['line-feeds', 'with every guard byte a line feed (0x0a) before the call'],
];

export default defineCheck('ZC-CALL-017', (ctx) =>
  checkCallProperty<CallCase>(ctx, {
    arbitrary: (shape, env) =>
      callCaseArbitrary(shape, env, ['apart', 'output-first']).map((c) => ({
        ...c,
        capacity: { kind: 'ample' as const },
      })),
    check: (session, shape, testCase, env): CaseVerdict => {
      const run = (
        plugin: PluginInstance,
        surroundings: Surroundings,
      ): CallResult & { written: string[] } => {
        const mark = plugin.capture.mark();
        const result = callResultOf(
          runCallCase(plugin, shape, testCase, env.maxInputBytes, { surroundings }),
          shape,
          plugin.lastCall,
        );
        return { ...result, written: writtenLines(plugin.capture.since(mark)) };
      };
      const standard = run(session.fresh(), 'standard');
      if (standard.code === undefined)
        return { kind: 'inconclusive', why: 'a call did not return' };
      let verdict: CaseVerdict = OK;
      for (const [surroundings, how] of VARIANTS) {
        const other = run(session.fresh(), surroundings);
        if (other.code === undefined) return { kind: 'inconclusive', why: 'a call did not return' };
        const logDifference = writtenDifference(standard.written, other.written);
        if (logDifference && standard.code === other.code && standard.count === other.count) {
          return {
            kind: 'violation',
            expected: `the same log whatever surrounds the buffers: ${standard.written.length} messages, ${clipLines(standard.written)}`,
            found: `${how}, ${logDifference}: the call wrote memory outside its input to its log`,
          };
        }
        if (standard.code === other.code && standard.count === other.count) {
          if (Buffer.compare(standard.bytes, other.bytes) === 0) continue;
          if (onlyUnwrittenBytesDiffer(standard, other, outputFillFor(surroundings))) {
            verdict = {
              kind: 'inconclusive',
              why: 'only bytes the call did not write differ (ZC-CALL-014)',
              allowed: true,
            };
            continue;
          }
        }
        return {
          kind: 'violation',
          expected: `the same result whatever surrounds the buffers: ${describeResult(standard, ctx.spec)}`,
          found: `${how}, \`${shape.exportName}\` ${describeResult(other, ctx.spec)}; ${describeResultDifference(standard, other)}: the call read memory outside its input`,
        };
      }
      return verdict;
    },
    describe: (_shape, testCase) => describeCase(testCase, undefined),
  }),
);
