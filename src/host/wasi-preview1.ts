import type { OutputCapture } from './capture.js';
import { ProcExit, type HostState } from './traps.js';

/**
 * The WASI preview1 calls the host offers (spec imports), as a sandbox of our own rather than
 * node:wasi: node:wasi cannot make clocks and randomness deterministic, and it writes stdio to
 * real file descriptors, while the report needs the text. No files, no environment, no
 * arguments: everything a plugin might reach for beyond stdio gets an error code.
 */
const ERRNO = { SUCCESS: 0, BADF: 8, FAULT: 21, INVAL: 28, SPIPE: 70, NOTCAPABLE: 76 } as const;
const FILETYPE_CHARACTER_DEVICE = 2;
const NS_PER_MS = 1_000_000n;

/** The clock a plugin sees by default: fixed, so runs are reproducible (2023-11-14T22:13:20Z). */
export const DEFAULT_CLOCK_START_NS = 1_700_000_000_000_000_000n;

export interface Determinism {
  /** Seeds random_get; each instance gets its own so determinism checks can vary it. */
  randomSeed: number;
  /** Where the clock starts, in nanoseconds since the epoch. */
  clockStartNs: bigint;
  /**
   * How far the clock moves between two reads (default 1 ms). Determinism checks vary it too:
   * with a fixed step, a duration (a read minus an earlier one) is the same on every instance.
   */
  clockStepNs?: bigint;
}

type WasiFunction = (...args: never[]) => number | void;

/** mulberry32: tiny, fast and good enough for bytes that only need to be reproducible. */
function seededBytes(seed: number): (target: Uint8Array) => void {
  let state = seed >>> 0;
  return (target) => {
    for (let i = 0; i < target.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      target[i] = (t ^ (t >>> 14)) & 0xff;
    }
  };
}

export function createWasiPreview1(
  getMemory: () => WebAssembly.Memory | undefined,
  capture: OutputCapture,
  determinism: Determinism,
  state: HostState = {},
): Record<string, WasiFunction> {
  const fillRandom = seededBytes(determinism.randomSeed);
  let clockReads = 0n;

  // Every pointer the plugin passes is checked against the current memory size, because a
  // DataView access out of range throws a RangeError that would look like our own bug.
  const view = (): DataView | undefined => {
    const memory = getMemory();
    return memory ? new DataView(memory.buffer) : undefined;
  };
  const inBounds = (data: DataView, ptr: number, len: number): boolean =>
    ptr >>> 0 === ptr && len >= 0 && ptr + len <= data.byteLength;

  const writeU32Pair = (ptrA: number, a: number, ptrB: number, b: number): number => {
    const data = view();
    if (!data || !inBounds(data, ptrA >>> 0, 4) || !inBounds(data, ptrB >>> 0, 4)) {
      return ERRNO.FAULT;
    }
    data.setUint32(ptrA >>> 0, a, true);
    data.setUint32(ptrB >>> 0, b, true);
    return ERRNO.SUCCESS;
  };

  const isStdio = (fd: number): boolean => fd >= 0 && fd <= 2;

  const functions: Record<string, WasiFunction> = {
    fd_write(fd: number, iovs: number, iovsLen: number, nwrittenPtr: number): number {
      const data = view();
      if (!data) return ERRNO.FAULT;
      if (fd !== 1 && fd !== 2) return ERRNO.BADF;
      const iovBase = iovs >>> 0;
      const count = iovsLen >>> 0;
      if (!inBounds(data, iovBase, count * 8) || !inBounds(data, nwrittenPtr >>> 0, 4)) {
        return ERRNO.FAULT;
      }
      let written = 0;
      for (let i = 0; i < count; i++) {
        const ptr = data.getUint32(iovBase + i * 8, true);
        const len = data.getUint32(iovBase + i * 8 + 4, true);
        if (!inBounds(data, ptr, len)) return ERRNO.FAULT;
        // Charged before the copy: a flood past the per-call limit ends the call unread.
        capture.chargeBytes(len);
        capture.writeStream(fd, new Uint8Array(data.buffer, ptr, len).slice());
        written += len;
      }
      data.setUint32(nwrittenPtr >>> 0, written >>> 0, true);
      return ERRNO.SUCCESS;
    },
    fd_close: (fd: number) => (isStdio(fd) ? ERRNO.SUCCESS : ERRNO.BADF),
    fd_seek: (fd: number) => (isStdio(fd) ? ERRNO.SPIPE : ERRNO.BADF),
    fd_fdstat_get(fd: number, statPtr: number): number {
      if (!isStdio(fd)) return ERRNO.BADF;
      const data = view();
      if (!data || !inBounds(data, statPtr >>> 0, 24)) return ERRNO.FAULT;
      const at = statPtr >>> 0;
      data.setUint8(at, FILETYPE_CHARACTER_DEVICE);
      data.setUint16(at + 2, 0, true);
      data.setBigUint64(at + 8, 0xffffffffffffffffn, true);
      data.setBigUint64(at + 16, 0n, true);
      return ERRNO.SUCCESS;
    },
    fd_prestat_get: () => ERRNO.BADF,
    fd_prestat_dir_name: () => ERRNO.BADF,
    environ_sizes_get: (countPtr: number, sizePtr: number) => writeU32Pair(countPtr, 0, sizePtr, 0),
    environ_get: () => ERRNO.SUCCESS,
    args_sizes_get: (countPtr: number, sizePtr: number) => writeU32Pair(countPtr, 0, sizePtr, 0),
    args_get: () => ERRNO.SUCCESS,
    clock_time_get(clockId: number, _precision: bigint, timePtr: number): number {
      state.clockReads = (state.clockReads ?? 0) + 1;
      if (clockId < 0 || clockId > 3) return ERRNO.INVAL;
      const data = view();
      if (!data || !inBounds(data, timePtr >>> 0, 8)) return ERRNO.FAULT;
      clockReads += 1n;
      const step = determinism.clockStepNs ?? NS_PER_MS;
      data.setBigUint64(timePtr >>> 0, determinism.clockStartNs + clockReads * step, true);
      return ERRNO.SUCCESS;
    },
    clock_res_get(clockId: number, resPtr: number): number {
      if (clockId < 0 || clockId > 3) return ERRNO.INVAL;
      const data = view();
      if (!data || !inBounds(data, resPtr >>> 0, 8)) return ERRNO.FAULT;
      data.setBigUint64(resPtr >>> 0, NS_PER_MS, true);
      return ERRNO.SUCCESS;
    },
    random_get(bufPtr: number, len: number): number {
      state.randomReads = (state.randomReads ?? 0) + 1;
      const data = view();
      if (!data || !inBounds(data, bufPtr >>> 0, len >>> 0)) return ERRNO.FAULT;
      fillRandom(new Uint8Array(data.buffer, bufPtr >>> 0, len >>> 0));
      return ERRNO.SUCCESS;
    },
    sched_yield: () => ERRNO.SUCCESS,
    proc_exit(code: number): void {
      state.exited = new ProcExit(code);
      throw state.exited;
    },
  };
  // After proc_exit every call throws again: a plugin that caught the exit cannot run on.
  return Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [
      name,
      (...args: never[]) => {
        if (state.exited) throw state.exited;
        return fn(...args);
      },
    ]),
  );
}

/** What a WASI call the host does not offer returns: the plugin keeps running, without the capability. */
export const NOT_CAPABLE = ERRNO.NOTCAPABLE;
