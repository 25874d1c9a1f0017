import type { PluginInstance } from '../host/plugin-instance.js';
import { OUTPUT_FILL, outputFillFor, type Placement, type Surroundings } from './buffer-layout.js';
import type { CallShape } from './call-shape.js';
import { ampleCapacity, needsProbe, resolveCapacity, type CapacityChoice } from './capacity.js';
import { dropOutput, guardedCall, type GuardedCallResult } from './guarded-call.js';
import { encodeStruct } from './struct.js';

/** One call described as data: what goes in the buffers, where they go, and the capacity. */
export interface CallCase {
  input: Uint8Array;
  /** For exports with a params struct: its field values. */
  fields?: Record<string, number>;
  placement: Placement;
  capacity: CapacityChoice;
  /**
   * The capacity written into *output_len, when it is less than the room the buffer has (the
   * capacity's): a call told it has room for this many elements, placed as the roomier call
   * would be, so that its buffers are where that call's are.
   */
  cellValue?: number;
}

/** What one case did: the probe that learned the needed size, then the call under test. */
export interface CallCaseRun {
  main: GuardedCallResult;
  /** Capacity written into the cell for the main call, in elements (capacity-cell exports). */
  capacity: number | undefined;
  /** Output elements the call needs, from a probe with ample room, when it succeeded. */
  needed: number | undefined;
  /** The probe with ample capacity (capacity-cell exports whose case needed one); its output
   * is empty unless the case was run with keepProbeOutput. */
  probe: GuardedCallResult | undefined;
  /** Output buffer size of the main call, in bytes. */
  outputBytes: number;
}

/** Largest capacity a probe will follow when the plugin asks for more with -3. */
const MAX_PROBE_BYTES = 64 * 1024 * 1024;

export function derivedOutputBytes(
  shape: CallShape,
  fields: Readonly<Record<string, number>>,
  maxBytes: number,
): number {
  const size = shape.params!.outputSize.evaluate(fields);
  // Overflowing or absurd sizes get a small decoy buffer: a plugin must reject them unread.
  return size <= BigInt(Math.max(maxBytes, 1)) * 4n ? Number(size) : 64;
}

export function callWithCapacity(
  plugin: PluginInstance,
  shape: CallShape,
  input: Uint8Array,
  capacity: number,
  placement: Placement,
  probing?: { keepOutput: boolean },
  surroundings?: Surroundings,
  lazyOutput = false,
  cellValue = capacity,
): GuardedCallResult {
  return guardedCall(plugin, {
    ...(surroundings ? { surroundings, outputFill: outputFillFor(surroundings) } : {}),
    ...(lazyOutput ? { lazyOutput } : {}),
    verify: !probing,
    keepOutput: probing?.keepOutput ?? true,
    exportName: shape.exportName,
    roles: shape.roles,
    input,
    outputBytes: capacity * shape.elementBytes,
    elementBytes: shape.elementBytes,
    cellValue,
    placement,
  });
}

const PROBE_PLACEMENT: Placement = {
  layout: 'apart',
  misalign: { input: 0, output: 0, cell: 0, params: 0 },
};

/** Calls with ample room (following one -3 request for more) to learn the needed size. */
export function probe(
  plugin: PluginInstance,
  shape: CallShape,
  input: Uint8Array,
  keepOutput: boolean,
  lazyOutput = false,
): { result: GuardedCallResult; needed: number | undefined; capacity: number } {
  let capacity = ampleCapacity(shape, input.length);
  const probing = { keepOutput };
  const call = (): GuardedCallResult =>
    callWithCapacity(
      plugin,
      shape,
      input,
      capacity,
      PROBE_PLACEMENT,
      probing,
      undefined,
      lazyOutput,
    );
  let result = call();
  const asked = result.cellAfter;
  if (
    result.outcome.kind === 'returned' &&
    result.outcome.value === -3 &&
    asked !== undefined &&
    asked > capacity &&
    asked * shape.elementBytes <= MAX_PROBE_BYTES
  ) {
    capacity = asked;
    dropOutput(result);
    result = call();
  }
  const ok = result.outcome.kind === 'returned' && result.outcome.value === 0;
  return { result, needed: ok ? result.cellAfter : undefined, capacity };
}

/**
 * Runs one case: for a params-struct export, one guarded call with the derived buffers; for a
 * capacity-cell export, a probe with ample room when the capacity is relative to the needed
 * size, then the guarded call with the case's capacity and placement.
 */
export function runCallCase(
  plugin: PluginInstance,
  shape: CallShape,
  testCase: CallCase,
  maxInputBytes: number,
  options: {
    alwaysProbe?: boolean;
    keepProbeOutput?: boolean;
    /** Set: the main call's guards and output fill, standard or inverted (ZC-CALL-017). */
    surroundings?: Surroundings;
    /** Outputs copied only when read (GuardedCallPlan.lazyOutput); dropOutputs when done. */
    lazyOutput?: boolean;
    /**
     * The needed size a probe of this very input already learned (a rerun of a case): no
     * second probe, unless alwaysProbe.
     */
    knownNeeded?: number;
  } = {},
): CallCaseRun {
  if (shape.sizing === 'derived-from-params') {
    const outputBytes = derivedOutputBytes(shape, testCase.fields ?? {}, maxInputBytes);
    const main = guardedCall(plugin, {
      exportName: shape.exportName,
      roles: shape.roles,
      input: testCase.input,
      outputBytes,
      params: encodeStruct(shape.params!.struct, testCase.fields ?? {}),
      placement: testCase.placement,
      outputFill: options.surroundings ? outputFillFor(options.surroundings) : OUTPUT_FILL,
      ...(options.surroundings ? { surroundings: options.surroundings } : {}),
      ...(options.lazyOutput ? { lazyOutput: true } : {}),
    });
    return { main, capacity: undefined, needed: undefined, probe: undefined, outputBytes };
  }
  let probed: ReturnType<typeof probe> | undefined;
  const known = options.alwaysProbe ? undefined : options.knownNeeded;
  if (options.alwaysProbe || (known === undefined && needsProbe(testCase.capacity))) {
    probed = probe(
      plugin,
      shape,
      testCase.input,
      options.keepProbeOutput ?? false,
      options.lazyOutput ?? false,
    );
    if (plugin.poisoned) {
      // The probe itself trapped: it is the call to report, with the capacity it had.
      return {
        main: probed.result,
        capacity: probed.capacity,
        needed: undefined,
        probe: probed.result,
        outputBytes: probed.capacity * shape.elementBytes,
      };
    }
  }
  const needed = probed ? probed.needed : needsProbe(testCase.capacity) ? known : undefined;
  const capacity = resolveCapacity(
    testCase.capacity,
    needed,
    ampleCapacity(shape, testCase.input.length),
  );
  const main = callWithCapacity(
    plugin,
    shape,
    testCase.input,
    capacity,
    testCase.placement,
    undefined,
    options.surroundings,
    options.lazyOutput ?? false,
    testCase.cellValue ?? capacity,
  );
  return {
    main,
    capacity: testCase.cellValue ?? capacity,
    needed,
    probe: probed?.result,
    outputBytes: capacity * shape.elementBytes,
  };
}

/** Says nobody will read the outputs of a run made with lazyOutput: they are never copied. */
export function dropOutputs(run: CallCaseRun): void {
  dropOutput(run.main);
  if (run.probe) dropOutput(run.probe);
}
