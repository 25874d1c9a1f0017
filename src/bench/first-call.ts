import { createHash } from 'node:crypto';
import type { PluginInstance } from '../host/plugin-instance.js';
import { WASM_PAGE_BYTES as PAGE } from '../wasm/page.js';
import type { CallShape } from '../abi/call-shape.js';
import { ampleCapacity } from '../abi/capacity.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { BenchInput } from './inputs.js';
import { placeResident, type Resident } from '../abi/resident-call.js';

/**
 * Runs the tool's own work (generating, hashing, placing a large input) so that a supervisor's
 * overall deadline does not count it as the plugin's time.
 */
export type HostWork = <T>(work: () => T) => T;
export const NO_HOST_WORK: HostWork = (work) => work();

/** The most output a probe follows when the plugin asks for more with -3. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * The first call's output, by size and digest: a copy of a 1 GiB output would hold another
 * GiB for the whole case just to compare it with the JavaScript baseline's.
 */
export interface OutputDigest {
  bytes: number;
  sha256: string;
}

export const digestOf = (bytes: Uint8Array): OutputDigest => ({
  bytes: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

export type FirstCall =
  | { kind: 'ok'; resident: Resident; output: OutputDigest; ms: number; pagesBefore: number }
  | { kind: 'rejected'; code: number; message: string; ms: number }
  | { kind: 'error'; message: string };

/** One call through the host (traps and memory bombs handled), capacity cell rewritten. */
export function callOnce(
  plugin: PluginInstance,
  shape: CallShape,
  resident: Resident,
): number | string {
  if (resident.cellAddress !== undefined) {
    new DataView(plugin.memory!.buffer).setUint32(
      resident.cellAddress,
      resident.capacity ?? 0,
      true,
    );
  }
  const outcome = plugin.call(shape.exportName, resident.args);
  if (outcome.kind === 'returned') return (outcome.value ?? 0) | 0;
  if (outcome.kind === 'blocked') return outcome.reason;
  if (outcome.kind === 'stopped') return `stopped by the host: ${outcome.detail}`;
  return `trapped: ${outcome.message}${outcome.stderr ? ` (stderr: ${outcome.stderr.trim()})` : ''}`;
}

/**
 * Places the buffers with ample room, calls once (following -3 once), and checks for 0.
 * Placing (growing memory, copying a large input in) is the host's work: `hostWork` brackets it.
 */
export function firstCall(
  plugin: PluginInstance,
  shape: CallShape,
  input: BenchInput,
  spec: SpecIndex,
  hostWork: HostWork = NO_HOST_WORK,
): FirstCall {
  let capacity =
    shape.sizing === 'capacity-cell' ? ampleCapacity(shape, input.input.length) : undefined;
  let ms = 0;
  let pagesBefore = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const placed = hostWork(() => placeResident(plugin, shape, input, capacity));
    if (!placed.ok)
      return { kind: 'error', message: `the buffers could not be placed: ${placed.problem}` };
    const { resident } = placed;
    if (attempt === 0) pagesBefore = plugin.memoryBytes / PAGE;
    const began = performance.now();
    const code = callOnce(plugin, shape, resident);
    ms = performance.now() - began;
    if (typeof code === 'string') return { kind: 'error', message: code };
    const cell =
      resident.cellAddress === undefined
        ? undefined
        : new DataView(plugin.memory!.buffer).getUint32(resident.cellAddress, true);
    if (code === -3 && cell !== undefined && attempt === 0) {
      if (cell * shape.elementBytes > MAX_OUTPUT_BYTES) {
        return {
          kind: 'error',
          message: `asks for ${cell} output elements with -3, past the bench's limit`,
        };
      }
      capacity = cell;
      continue;
    }
    if (code !== 0) {
      const name = spec.returnCodeName(code);
      return {
        kind: 'rejected',
        code,
        message: `\`${shape.exportName}\` returned ${code}${name ? ` (${name})` : ''} on the bench input`,
        ms,
      };
    }
    const written = cell === undefined ? resident.outputBytes : cell * shape.elementBytes;
    if (written > resident.outputBytes) {
      return {
        kind: 'error',
        message: `*output_len says ${cell} elements, more than the capacity ${resident.capacity}`,
      };
    }
    const view = new Uint8Array(plugin.memory!.buffer, resident.outputAddress, written);
    const output = hostWork(() => digestOf(view));
    return { kind: 'ok', resident, output, ms, pagesBefore };
  }
  return {
    kind: 'rejected',
    code: -3,
    message: `\`${shape.exportName}\` returned -3 again with the capacity it asked for`,
    ms,
  };
}
