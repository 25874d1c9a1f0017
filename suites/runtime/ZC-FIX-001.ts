import type { LayoutKind } from '../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import { callableExports, callShapeOf, type CallShape } from '../../src/abi/call-shape.js';
import type { CapacityChoice } from '../../src/abi/capacity.js';
import { describeCall, describePlacement } from '../../src/abi/describe-call.js';
import type { CheckContext } from '../../src/check/context.js';
import { defineCheck, fail, pass, type CheckOutcome } from '../../src/check/define-check.js';
import { fixtureFile, type Fixture, type FixtureObservation } from '../../src/contract/fixture.js';
import { PluginSession, SessionBlocked } from '../../src/property/session.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';
import { describeDifference, summarizeBytes } from '../../src/util/bytes-diff.js';
import { plural } from '../../src/util/bytes-text.js';
import { lineDiff } from '../../src/util/line-diff.js';
import { describeOutcome } from '../_internals/describe.js';
import { writtenBytes } from '../_internals/single-call.js';

/**
 * Where each fixture runs: buffers apart with ample room (the answer), output before input,
 * and the input ending at the last byte of memory with exactly the room the answer needs.
 */
const VARIANTS: ReadonlyArray<{ layout: LayoutKind; capacity: CapacityChoice['kind'] }> = [
  { layout: 'apart', capacity: 'ample' },
  { layout: 'output-first', capacity: 'ample' },
  { layout: 'input-at-end', capacity: 'exact' },
];

interface Answer {
  code: number | undefined;
  output: Uint8Array;
  text: string;
  call: string;
  violations: string[];
}

function runVariant(
  session: PluginSession,
  shape: CallShape,
  fixture: Fixture,
  variant: (typeof VARIANTS)[number],
  maxInputBytes: number,
): Answer {
  const testCase: CallCase = {
    input: fixture.input,
    ...(fixture.fields ? { fields: fixture.fields } : {}),
    placement: { layout: variant.layout, misalign: { input: 0, output: 0, cell: 0, params: 0 } },
    capacity: { kind: variant.capacity } as CapacityChoice,
  };
  const run = runCallCase(session.current(), shape, testCase, maxInputBytes);
  const outcome = run.main.outcome;
  const code = outcome.kind === 'returned' ? outcome.value : undefined;
  // A copy: the next variant's call reuses the instance's memory.
  const output = writtenBytes(run, shape).slice();
  const text =
    code === 0
      ? `returned 0 with ${summarizeBytes(output)}`
      : describeOutcome(shape.exportName, outcome);
  return {
    code,
    output,
    text,
    call: `${describeCall(shape, run, fixture.input.length)}, ${describePlacement(testCase.placement)}`,
    violations: run.main.violations,
  };
}

const describeExpected = (expected: NonNullable<Fixture['expected']>): string =>
  expected.code === 0
    ? `0 with ${summarizeBytes(expected.output ?? new Uint8Array(0))}`
    : `${expected.code}`;

/** The failure of one fixture, or undefined when every variant gave its expected answer. */
function judgeFixture(
  ctx: CheckContext,
  session: PluginSession,
  fixture: Fixture,
): Failure | FixtureObservation {
  const where = `fixture ${fixture.name} (${fixtureFile(fixture)})`;
  const failure = (expected: string, found: string, extra: Partial<Failure> = {}): Failure => ({
    expected,
    found,
    where,
    replay: ctx.replayCommand(),
    ...extra,
  });
  if (!callableExports(ctx.spec).includes(fixture.exportName)) {
    return failure(
      'an export the spec describes',
      `export ${fixture.exportName}, which the spec does not describe`,
    );
  }
  const state = ctx.exportState(fixture.exportName);
  if (state !== 'ok') {
    return failure(
      `\`${fixture.exportName}\` exported with the spec's signature`,
      `it is ${state}`,
    );
  }
  const shape = callShapeOf(ctx.spec, fixture.exportName);
  if (shape.params) {
    const names = shape.params.struct.fields.map((field) => field.name);
    const given = Object.keys(fixture.fields ?? {});
    const missing = names.filter((name) => !given.includes(name));
    const unknown = given.filter((name) => !names.includes(name));
    if (missing.length || unknown.length) {
      return failure(
        `params with the fields ${names.join(', ')}`,
        [
          missing.length ? `missing ${missing.join(', ')}` : '',
          unknown.length ? `unknown ${unknown.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      );
    }
  }
  const answers: Answer[] = [];
  for (const variant of VARIANTS) {
    // Exact room follows the expected answer; an error case has no size to be exact about.
    if (
      variant.capacity === 'exact' &&
      (shape.sizing !== 'capacity-cell' || fixture.expected?.code !== 0) &&
      !ctx.contract?.updateFixtures
    )
      continue;
    const answer = runVariant(session, shape, fixture, variant, ctx.limits.maxInputBytes);
    if (answer.violations.length > 0) {
      return failure(
        'a call that writes only its output buffer and *output_len',
        answer.violations.join('; '),
        { call: answer.call },
      );
    }
    answers.push(answer);
    const expected = fixture.expected;
    if (ctx.contract?.updateFixtures || !expected) continue;
    const same =
      answer.code === expected.code &&
      (expected.code !== 0 ||
        Buffer.compare(answer.output, expected.output ?? new Uint8Array(0)) === 0);
    if (same) continue;
    const diff =
      answer.code === 0 && expected.code === 0
        ? lineDiff(expected.output ?? new Uint8Array(0), answer.output)
        : undefined;
    const found =
      answer.code === 0 && expected.code === 0
        ? `${answer.text}: ${describeDifference(expected.output ?? new Uint8Array(0), answer.output)}`
        : answer.text;
    return failure(describeExpected(expected), found, {
      call: answer.call,
      ...(diff ? { diff } : {}),
    });
  }
  const first = answers[0]!;
  if (ctx.contract?.updateFixtures) {
    const differing = answers.find(
      (answer) => answer.code !== first.code || Buffer.compare(answer.output, first.output) !== 0,
    );
    if (differing) {
      return failure(
        `the same answer wherever the buffers are (${first.text})`,
        `${differing.text}`,
        { call: differing.call },
      );
    }
    if (first.code === undefined)
      return failure('a return code to record', first.text, { call: first.call });
    return {
      name: fixture.name,
      code: first.code,
      output: first.output,
      elementBytes: shape.elementBytes,
    };
  }
  if (!fixture.expected) {
    return failure(
      'an expected output',
      `none yet (${first.text}): run with --update-fixtures to record it`,
    );
  }
  return {
    name: fixture.name,
    code: first.code ?? 0,
    output: first.output,
    elementBytes: shape.elementBytes,
  };
}

export default defineCheck('ZC-FIX-001', (ctx): CheckOutcome => {
  const fixtures = ctx.contract?.fixtures;
  if (!fixtures) throw new Error('ZC-FIX-001 ran without fixtures');
  if (fixtures.cases.length === 0)
    return fail(`no fixture in ${fixtures.dir}`, [
      {
        expected: 'at least one fixture (name.in + name.out, or name.json)',
        found: `an empty folder ${fixtures.dir}`,
      },
    ]);
  const session = new PluginSession(ctx);
  const failures: Failure[] = [];
  const observations: FixtureObservation[] = [];
  try {
    for (const fixture of fixtures.cases) {
      const judged = judgeFixture(ctx, session, fixture);
      if ('expected' in judged) failures.push(judged);
      else observations.push(judged);
    }
  } catch (error) {
    if (error instanceof SessionBlocked)
      return { status: 'skip', skipKind: 'blocked', message: error.message };
    throw error;
  }
  if (failures.length > 0) {
    return fail(
      `${plural(failures.length, 'fixture')} of ${fixtures.cases.length} failed: ${failures.map((f) => f.where).join(', ')}`,
      failures,
    );
  }
  if (ctx.contract?.updateFixtures) {
    return {
      status: 'pass',
      message: `recorded ${plural(observations.length, 'fixture')} (--update-fixtures)`,
      facts: { fixtureObservations: observations },
    };
  }
  return pass(
    `${plural(fixtures.cases.length, 'fixture')} gave their expected answers at ${VARIANTS.length} placements`,
  );
});
