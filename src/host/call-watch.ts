/**
 * A shared-memory channel from the worker that runs plugin calls to the supervisor that watches
 * them. Writing a few Int32 slots costs nanoseconds, so every call can be watched; a message
 * per call would cost more than the call. The supervisor reads the slots to tell a hung call
 * from a slow run, and names the hung call after it stops the worker.
 */
const SLOT = {
  sequence: 0,
  inCall: 1,
  exportId: 2,
  arg0: 3, // four argument slots
  caseIndex: 7,
  caseSeed: 8,
  callBytes: 9, // bytes the host passed in (input and params): a large call gets more time
  inputLength: 10, // -1 when the current case has no input to show
} as const;
const SLOT_COUNT = 11;
/** The first bytes of a property case's input, so that a hang can show what it was given. */
export const INPUT_PREVIEW_BYTES = 48;

export function createWatchBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOT_COUNT * 4 + INPUT_PREVIEW_BYTES);
}

/** Worker side: marks calls in and out. */
export class CallWatch {
  private readonly slots: Int32Array;
  private readonly preview: Uint8Array;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly exportIds: ReadonlyMap<string, number>,
  ) {
    this.slots = new Int32Array(buffer, 0, SLOT_COUNT);
    this.preview = new Uint8Array(buffer, SLOT_COUNT * 4, INPUT_PREVIEW_BYTES);
  }

  enter(exportName: string, args: readonly number[], callBytes = 0): void {
    const slots = this.slots;
    slots[SLOT.callBytes] = callBytes;
    slots[SLOT.exportId] = this.exportIds.get(exportName) ?? -1;
    for (let i = 0; i < 4; i++) slots[SLOT.arg0 + i] = args[i] ?? 0;
    Atomics.add(slots, SLOT.sequence, 1);
    Atomics.store(slots, SLOT.inCall, 1);
  }

  leave(): void {
    Atomics.store(this.slots, SLOT.inCall, 0);
  }

  /** The case the current call belongs to, as the supervisor would read it. */
  caseInfo(): Pick<WatchedCall, 'caseIndex' | 'caseSeed' | 'input' | 'callBytes'> {
    const inputLength = this.slots[SLOT.inputLength] as number;
    return {
      callBytes: (this.slots[SLOT.callBytes] as number) >>> 0,
      caseIndex: this.slots[SLOT.caseIndex] as number,
      caseSeed: this.slots[SLOT.caseSeed] as number,
      input:
        inputLength < 0
          ? undefined
          : {
              length: inputLength,
              head: this.preview.slice(0, Math.min(inputLength, INPUT_PREVIEW_BYTES)),
            },
    };
  }

  /** Property runs label their cases so a hang can be replayed; -1 when not in a property. */
  setCase(seed: number, index: number, input?: Uint8Array): void {
    this.slots[SLOT.caseSeed] = seed;
    this.slots[SLOT.caseIndex] = index;
    this.slots[SLOT.inputLength] = input ? input.length : -1;
    if (input) this.preview.set(input.subarray(0, INPUT_PREVIEW_BYTES));
  }
}

export interface WatchedCall {
  sequence: number;
  exportName: string;
  args: number[];
  caseIndex: number;
  caseSeed: number;
  /** Bytes the host passed to the call (input and params). */
  callBytes: number;
  /** The case's input: its length and first bytes, when a property case set one. */
  input: { length: number; head: Uint8Array } | undefined;
}

/** Supervisor side: reads what the worker is doing right now. */
export class CallWatchReader {
  private readonly slots: Int32Array;
  private readonly preview: Uint8Array;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly exportNames: readonly string[],
  ) {
    this.slots = new Int32Array(buffer, 0, SLOT_COUNT);
    this.preview = new Uint8Array(buffer, SLOT_COUNT * 4, INPUT_PREVIEW_BYTES);
    this.slots[SLOT.inputLength] = -1;
    this.slots[SLOT.caseIndex] = -1;
  }

  current(): WatchedCall | undefined {
    if (Atomics.load(this.slots, SLOT.inCall) !== 1) return undefined;
    return this.last();
  }

  /** The most recent call, finished or not. */
  last(): WatchedCall {
    const slots = this.slots;
    const inputLength = slots[SLOT.inputLength] as number;
    return {
      sequence: Atomics.load(slots, SLOT.sequence),
      exportName: this.exportNames[slots[SLOT.exportId] as number] ?? '(unknown export)',
      args: Array.from(slots.subarray(SLOT.arg0, SLOT.arg0 + 4), (value) => value >>> 0),
      callBytes: (slots[SLOT.callBytes] as number) >>> 0,
      caseIndex: slots[SLOT.caseIndex] as number,
      caseSeed: slots[SLOT.caseSeed] as number,
      input:
        inputLength < 0
          ? undefined
          : {
              length: inputLength,
              head: this.preview.slice(0, Math.min(inputLength, INPUT_PREVIEW_BYTES)),
            },
    };
  }

  reset(): void {
    Atomics.store(this.slots, SLOT.inCall, 0);
    this.slots[SLOT.caseIndex] = -1;
    this.slots[SLOT.inputLength] = -1;
  }
}
