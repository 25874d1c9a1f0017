import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { ampleCapacity } from '../../src/abi/capacity.js';
import { guardedCall } from '../../src/abi/guarded-call.js';
import { defineCheck, notApplicable } from '../../src/check/define-check.js';
import { inputBytesArbitrary } from '../../src/generators/input-bytes.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import type { PluginSession } from '../../src/property/session.js';
import type { SpecIndex } from '../../src/spec-model/spec-index.js';
import { describeBytes } from '../../src/util/bytes-text.js';
import {
  callResultOf,
  describeResult,
  sameResult,
  type CallResult,
} from '../_internals/call-result.js';
import { describeOutcome, hex } from '../_internals/describe.js';

/** Accepted inputs from exploration asked for their size too: a narrow format's few. */
const ACCEPTED_EXAMPLES = 4;

interface Placed {
  result: CallResult;
  /** Where the zero-length buffer was. */
  pointer: number;
}

/** One call on a fresh instance, the zero-length buffer in the host's block or at alloc(0)'s. */
function callOnce(
  plugin: PluginInstance,
  shape: CallShape,
  input: Uint8Array,
  capacity: number,
  zeroLengthFromAlloc: boolean,
): Placed {
  const main = guardedCall(plugin, {
    exportName: shape.exportName,
    roles: shape.roles,
    input,
    outputBytes: capacity * shape.elementBytes,
    elementBytes: shape.elementBytes,
    cellValue: capacity,
    placement: DEFAULT_PLACEMENT,
    zeroLengthFromAlloc,
  });
  const run = {
    main,
    capacity,
    needed: undefined,
    probe: undefined,
    outputBytes: capacity * shape.elementBytes,
  };
  return {
    result: callResultOf(run, shape, plugin.lastCall),
    pointer: input.length === 0 ? main.addresses.input : main.addresses.output,
  };
}

/**
 * The host this rule plays takes each buffer from alloc, so a zero-length one is whatever
 * alloc(0) returned (0 from many allocators). The same call with the buffer inside the host's
 * block is the reference: the two must agree, or the plugin looked at a pointer it may not.
 */
function judge(
  session: PluginSession,
  shape: CallShape,
  input: Uint8Array,
  spec: SpecIndex,
): CaseVerdict {
  // An empty input with room for its output; then the size query (capacity 0) of any input.
  const capacities = input.length === 0 ? [ampleCapacity(shape, 0), 0] : [0];
  let verdict: CaseVerdict = OK;
  for (const capacity of capacities) {
    const inBlock = callOnce(session.fresh(), shape, input, capacity, false);
    if (inBlock.result.code === undefined) {
      return { kind: 'inconclusive', why: 'a call did not return' };
    }
    const atAllocZero = callOnce(session.fresh(), shape, input, capacity, true);
    if (atAllocZero.result.outcome.kind === 'blocked') {
      return { kind: 'inconclusive', why: atAllocZero.result.outcome.reason };
    }
    if (inBlock.result.nondeterministic || atAllocZero.result.nondeterministic) {
      verdict = {
        kind: 'inconclusive',
        why: 'the call read the clock or random_get',
        allowed: true,
      };
      continue;
    }
    if (sameResult(inBlock.result, atAllocZero.result)) continue;
    const buffer = input.length === 0 ? 'empty input' : 'output of capacity 0';
    const call = `\`${shape.exportName}\``;
    const found =
      atAllocZero.result.code === undefined
        ? describeOutcome(call, atAllocZero.result.outcome)
        : `${call} ${describeResult(atAllocZero.result, spec)}`;
    return {
      kind: 'violation',
      expected: `the same result with the ${buffer} at the pointer alloc(0) returned as inside the host's block: ${describeResult(inBlock.result, spec)}`,
      found: `with the ${buffer} at ${hex(atAllocZero.pointer)} (what alloc(0) returned), ${found}`,
    };
  }
  return verdict;
}

export default defineCheck('ZC-CALL-018', (ctx) => {
  if (ctx.exportState('alloc') !== 'ok' || ctx.exportState('dealloc') !== 'ok') {
    return notApplicable(
      "`alloc` and `dealloc` are not exported: the host's own pages hold every buffer",
    );
  }
  return checkCallProperty<Uint8Array>(ctx, {
    appliesTo: (shape) => shape.sizing === 'capacity-cell',
    // Four fresh instances a case at most: a fifth of the configured cases.
    runs: (configured) => Math.max(10, Math.ceil(configured / 5)),
    arbitrary: (_shape, env) =>
      inputBytesArbitrary(Math.min(env.maxInputBytes, 4096), env.whitespace, {
        dictionary: env.dictionary,
        ...(env.corpus ? { corpus: env.corpus } : {}),
        ...(env.explored ? { explored: env.explored } : {}),
      }),
    examples: (_shape, env) => [
      new Uint8Array(0),
      ...(env.accepted ?? []).slice(0, ACCEPTED_EXAMPLES),
    ],
    check: (session, shape, input) => judge(session, shape, input, ctx.spec),
    inputOf: (input) => input,
    describe: (_shape, input) => `input: ${describeBytes(input)}`,
  });
});
