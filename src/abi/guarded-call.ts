import type { ParamRole } from '../spec-model/abi-types.generated.js';
import { argumentsFor, type BufferAddresses } from './arguments.js';
import {
  GUARD_BYTES,
  guardByte,
  type BufferSizes,
  type Placement,
  type PlannedLayout,
  type Surroundings,
} from './buffer-layout.js';
import { placeBuffers } from './place-buffers.js';
import { describeDifference } from '../util/bytes-diff.js';
import type { CallOutcome, PluginInstance } from '../host/plugin-instance.js';

/** One call of an export whose parameters the spec describes by role. */
export interface GuardedCallPlan {
  exportName: string;
  /** Parameter roles in call order, from the spec. */
  roles: readonly ParamRole[];
  input: Uint8Array;
  /** Output buffer size in bytes. */
  outputBytes: number;
  /** Bytes per element counted in the output-length cell (1 for bytes, 4 for u32 ids). */
  elementBytes?: number;
  /** What the host writes into the output-length cell before the call (the capacity in elements). */
  cellValue?: number;
  params?: Uint8Array;
  placement: Placement;
  /** Leave the output out of the result (it is copied otherwise). Default true. */
  keepOutput?: boolean;
  /** Skip guard and input checks (a probe that only learns the needed size). Default true. */
  verify?: boolean;
  /** A byte to fill the output with before the call, to tell written bytes from unwritten ones. */
  outputFill?: number;
  /** The guard pattern as is (default) or with every byte inverted. */
  surroundings?: Surroundings;
}

export interface GuardedCallResult {
  outcome: CallOutcome;
  /** Absolute addresses used for each buffer (for the report and replay). */
  addresses: BufferAddresses;
  /** The output-length cell after the call, when the export has one. */
  cellAfter: number | undefined;
  /** The output buffer after the call: up to *output_len elements, or all of it without a cell. */
  output: Uint8Array;
  /** Every byte the call changed outside the output buffer and the cell. */
  violations: string[];
  /** The arena could not be set up; the export was not called. */
  setupProblem?: string;
}

function describeGuardHit(
  guard: PlannedLayout['guards'][number],
  offsetInGuard: number,
  layout: PlannedLayout,
): string {
  if (guard.previous) {
    const span = layout[guard.previous];
    const past = guard.start + offsetInGuard - (span.start + span.length);
    return `wrote ${past === 0 ? 'the byte right' : `${past + 1} bytes`} past the end of the ${guard.previous} buffer (${guard.previous} + ${span.length + past})`;
  }
  const span = layout[guard.next!];
  const before = span.start - (guard.start + offsetInGuard);
  return `wrote ${before} bytes before the start of the ${guard.next} buffer (${guard.next} - ${before})`;
}

/**
 * Places input, output, the output-length cell and the params struct in plugin memory with
 * guard bytes around each, calls the export, and reports every byte it should not have touched.
 */
export function guardedCall(plugin: PluginInstance, plan: GuardedCallPlan): GuardedCallResult {
  const sizes: BufferSizes = {
    input: plan.input.length,
    output: plan.outputBytes,
    cell: plan.roles.includes('output-len-cell') ? 4 : 0,
    params: plan.params?.length ?? 0,
  };
  const placement = placeBuffers(plugin, sizes, plan.placement);
  if (!placement.ok) {
    return {
      outcome: { kind: 'blocked', reason: placement.problem },
      addresses: { input: 0, output: 0, cell: 0, params: 0 },
      cellAfter: undefined,
      output: new Uint8Array(0),
      violations: [],
      setupProblem: placement.problem,
    };
  }
  const { source, arena, base, layout, addresses } = placement.placed;

  const pattern = plan.surroundings === 'inverted' ? INVERTED_GUARD_PATTERN : GUARD_PATTERN;
  let memory = plugin.bytes();
  for (const guard of layout.guards)
    memory.set(pattern.subarray(0, guard.length), base + guard.start);
  memory.set(plan.input, addresses.input);
  if (plan.outputFill !== undefined) {
    memory.fill(plan.outputFill, addresses.output, addresses.output + sizes.output);
  }
  if (plan.params) memory.set(plan.params, addresses.params);
  if (sizes.cell) {
    new DataView(memory.buffer).setUint32(addresses.cell, (plan.cellValue ?? 0) >>> 0, true);
  }

  const outcome = plugin.call(
    plan.exportName,
    argumentsFor(plan.roles, addresses, plan.input.length),
    plan.input.length + (plan.params?.length ?? 0),
  );

  memory = plugin.bytes();
  const violations: string[] = [];
  if (outcome.kind === 'returned' && plan.verify !== false) {
    for (const guard of layout.guards) {
      const hit = firstDifference(memory, base + guard.start, pattern.subarray(0, guard.length));
      if (hit !== -1) violations.push(describeGuardHit(guard, hit, layout));
    }
    const changedInput = firstDifference(memory, addresses.input, plan.input);
    if (changedInput !== -1) {
      const after = memory.subarray(addresses.input, addresses.input + plan.input.length);
      violations.push(
        `modified the input at input + ${changedInput}: ${describeDifference(plan.input, after, { expected: 'before the call', found: 'after' })}`,
      );
    }
    if (plan.params) {
      const changedParams = firstDifference(memory, addresses.params, plan.params);
      if (changedParams !== -1)
        violations.push(`modified the params struct at params + ${changedParams}`);
    }
  }
  const cellAfter =
    sizes.cell && outcome.kind === 'returned'
      ? new DataView(memory.buffer).getUint32(addresses.cell, true)
      : undefined;
  // Copy what the call says it wrote (all of a derived-size output), not the whole capacity.
  const reported =
    cellAfter === undefined
      ? sizes.output
      : Math.min(sizes.output, cellAfter * (plan.elementBytes ?? 1));
  const output =
    plan.keepOutput === false
      ? new Uint8Array(0)
      : memory.slice(addresses.output, addresses.output + reported);
  if (outcome.kind === 'returned') {
    const releaseProblem = source.release(arena);
    if (releaseProblem) violations.push(releaseProblem);
  }
  return { outcome, addresses, cellAfter, output, violations };
}

function firstDifference(memory: Uint8Array, at: number, expected: Uint8Array): number {
  // A native compare first: inputs reach 1 MiB, and they almost always match.
  const actual = memory.subarray(at, at + expected.length);
  if (Buffer.compare(actual, expected) === 0) return -1;
  return actual.findIndex((byte, i) => byte !== expected[i]);
}

/** Guards are at most GUARD_BYTES + 14 long (alignment padding and misalignment). */
const GUARD_PATTERN = Uint8Array.from({ length: GUARD_BYTES + 16 }, (_, i) => guardByte(i));
const INVERTED_GUARD_PATTERN = GUARD_PATTERN.map((byte) => byte ^ 0xff);
