import type { ParamRole } from '../spec-model/abi-types.generated.js';
import { argumentsFor, type BufferAddresses } from './arguments.js';
import {
  guardPatternFor,
  type BufferSizes,
  type Placement,
  type PlannedLayout,
  type Surroundings,
} from './buffer-layout.js';
import { placeBuffers } from './place-buffers.js';
import { describeDifference, firstDifference } from '../util/bytes-diff.js';
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
  /**
   * Copy the output out of memory only when it is read (or before the memory next changes);
   * dropOutput says it never will be. Default false: copied at once.
   */
  lazyOutput?: boolean;
  /**
   * A zero-length input or output gets the pointer alloc(0) returns, not a place in the host's
   * block, as a host that takes each buffer from alloc passes it (ZC-CALL-018); each is given
   * back with dealloc(ptr, 0) after the call. Without alloc, nothing changes.
   */
  zeroLengthFromAlloc?: boolean;
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
  const { source, arena, base, layout } = placement.placed;
  const zeroLength =
    plan.zeroLengthFromAlloc && source.useAlloc
      ? zeroLengthBlocks(plugin, plan.input.length === 0, sizes.output === 0)
      : { ok: true as const, blocks: [] };
  if (!zeroLength.ok) {
    source.release(arena);
    return {
      outcome: { kind: 'blocked', reason: zeroLength.problem },
      addresses: placement.placed.addresses,
      cellAfter: undefined,
      output: new Uint8Array(0),
      violations: [],
      setupProblem: zeroLength.problem,
    };
  }
  const addresses = { ...placement.placed.addresses };
  for (const block of zeroLength.blocks) addresses[block.buffer] = block.pointer;

  const pattern = guardPatternFor(plan.input, plan.surroundings ?? 'standard');
  let memory = plugin.bytes();
  const guards = layout.guards;
  for (let g = 0; g < guards.length; g++) {
    const guard = guards[g]!;
    writeGuard(memory, base + guard.start, pattern, guard.length);
  }
  // An empty input may sit at a pointer past memory (what alloc(0) returned): nothing to write.
  if (plan.input.length > 0) memory.set(plan.input, addresses.input);
  if (plan.outputFill !== undefined) {
    memory.fill(plan.outputFill, addresses.output, addresses.output + sizes.output);
  }
  if (plan.params) memory.set(plan.params, addresses.params);
  if (sizes.cell) writeU32(memory, addresses.cell, (plan.cellValue ?? 0) >>> 0);

  const outcome = plugin.call(
    plan.exportName,
    argumentsFor(plan.roles, addresses, plan.input.length),
    plan.input.length + (plan.params?.length ?? 0),
  );

  memory = plugin.bytes();
  const violations: string[] = [];
  if (outcome.kind === 'returned' && plan.verify !== false) {
    for (let g = 0; g < guards.length; g++) {
      const guard = guards[g]!;
      const hit = guardHit(memory, base + guard.start, pattern, guard.length);
      if (hit !== -1) violations.push(describeGuardHit(guard, hit, layout));
    }
    const changedInput = firstChangeAt(memory, addresses.input, plan.input);
    if (changedInput !== -1) {
      const after = memory.subarray(addresses.input, addresses.input + plan.input.length);
      violations.push(
        `modified the input at input + ${changedInput}: ${describeDifference(plan.input, after, { expected: 'before the call', found: 'after' })}`,
      );
    }
    if (plan.params) {
      const changedParams = firstChangeAt(memory, addresses.params, plan.params);
      if (changedParams !== -1)
        violations.push(`modified the params struct at params + ${changedParams}`);
    }
  }
  const cellAfter =
    sizes.cell && outcome.kind === 'returned' ? readU32(memory, addresses.cell) : undefined;
  // Copy what the call says it wrote (all of a derived-size output), not the whole capacity.
  const reported =
    cellAfter === undefined
      ? sizes.output
      : Math.min(sizes.output, cellAfter * (plan.elementBytes ?? 1));
  const outputEnd = addresses.output + reported;
  // A block from `alloc` is read before `dealloc` may reuse its bytes; host pages stay as they
  // are until the instance's memory next changes, so a lazy output can wait until then.
  const lazy = plan.lazyOutput === true && plan.keepOutput !== false && !arena.fromAlloc;
  const output =
    plan.keepOutput === false
      ? new Uint8Array(0)
      : lazy
        ? undefined
        : memory.slice(addresses.output, outputEnd);
  if (outcome.kind === 'returned') {
    const releaseProblem = source.release(arena);
    if (releaseProblem) violations.push(releaseProblem);
    for (const block of zeroLength.blocks) {
      const freed = plugin.callAsHost('dealloc', [block.pointer, 0]);
      if (freed.kind !== 'returned') violations.push(`dealloc(${block.pointer}, 0) did not return`);
    }
  }
  if (output) return { outcome, addresses, cellAfter, output, violations };
  return lazyResult(
    plugin,
    { outcome, addresses, cellAfter, violations },
    addresses.output,
    outputEnd,
  );
}

/** The alloc(0) blocks a zero-length input and output get (GuardedCallPlan.zeroLengthFromAlloc). */
function zeroLengthBlocks(
  plugin: PluginInstance,
  input: boolean,
  output: boolean,
):
  | { ok: true; blocks: Array<{ buffer: 'input' | 'output'; pointer: number }> }
  | { ok: false; problem: string } {
  const blocks: Array<{ buffer: 'input' | 'output'; pointer: number }> = [];
  const empty = (['input', 'output'] as const).filter((buffer) =>
    buffer === 'input' ? input : output,
  );
  for (const buffer of empty) {
    const outcome = plugin.callAsHost('alloc', [0]);
    if (outcome.kind !== 'returned') {
      return {
        ok: false,
        problem: `alloc(0) for the empty ${buffer} did not return (ZC-ALLOC-005)`,
      };
    }
    blocks.push({ buffer, pointer: (outcome.value ?? 0) >>> 0 });
  }
  return { ok: true, blocks };
}

/** What dropOutput marks: outputs nobody will read, which need no copy. */
const dropped = new WeakMap<GuardedCallResult, () => void>();

/**
 * A result whose output is copied out of memory when first read, or at the latest right before
 * the instance's memory next changes (its next call, or a view from bytes()); after
 * dropOutput, never. Most cases of most rules never look at the output, and a copy of a large
 * one costs more than the call.
 */
function lazyResult(
  plugin: PluginInstance,
  rest: Omit<GuardedCallResult, 'output'>,
  start: number,
  end: number,
): GuardedCallResult {
  let copy: Uint8Array | undefined;
  let wanted = true;
  const read = (): void => {
    if (copy === undefined && wanted)
      copy = new Uint8Array(plugin.memory!.buffer).slice(start, end);
  };
  plugin.beforeMemoryChanges(read);
  const result: GuardedCallResult = {
    ...rest,
    get output(): Uint8Array {
      read();
      if (copy === undefined) throw new Error('the output of a call was read after dropOutput');
      return copy;
    },
  };
  dropped.set(result, () => {
    wanted = false;
  });
  return result;
}

/** Says a lazily read output (GuardedCallPlan.lazyOutput) will not be read: it is never copied. */
export function dropOutput(result: GuardedCallResult): void {
  dropped.get(result)?.();
}

// Guards are short (at most 78 bytes): a loop costs less than a view and a native call on each.
function writeGuard(memory: Uint8Array, at: number, pattern: Uint8Array, length: number): void {
  for (let i = 0; i < length; i++) memory[at + i] = pattern[i]!;
}

/** The first byte of a guard that no longer holds the pattern, or -1. */
function guardHit(memory: Uint8Array, at: number, pattern: Uint8Array, length: number): number {
  for (let i = 0; i < length; i++) if (memory[at + i] !== pattern[i]) return i;
  return -1;
}

// Little-endian by hand: the cell is often misaligned, and a DataView per call costs more.
function writeU32(memory: Uint8Array, at: number, value: number): void {
  memory[at] = value & 0xff;
  memory[at + 1] = (value >>> 8) & 0xff;
  memory[at + 2] = (value >>> 16) & 0xff;
  memory[at + 3] = value >>> 24;
}

const readU32 = (memory: Uint8Array, at: number): number =>
  (memory[at]! | (memory[at + 1]! << 8) | (memory[at + 2]! << 16) | (memory[at + 3]! << 24)) >>> 0;

/** The first byte of `expected` that memory at `at` no longer holds, or -1. */
const firstChangeAt = (memory: Uint8Array, at: number, expected: Uint8Array): number =>
  firstDifference(memory.subarray(at, at + expected.length), expected);
