import { startPlugin, describeSetupFailure } from '../../host/lifecycle.js';
import type { InstanceOptions } from '../../host/plugin-instance.js';
import type { PluginModule } from '../../host/plugin-module.js';
import { describeTrap } from '../../host/traps.js';
import type { CallShape } from '../../abi/call-shape.js';
import type { BenchInput } from '../inputs.js';
import { placeResident } from '../../abi/resident-call.js';
import { COUNTER_EXPORT } from './instrument.js';
import { NO_HOST_WORK, type HostWork } from '../first-call.js';

export type Counted = { ok: true; perCall: number } | { ok: false; message: string };

/**
 * Instructions of one steady-state call: on a fresh instance of the instrumented module, the
 * case's buffers are placed and the export is called twice; the count is the second call's.
 * Same module, input and capacity: the same count, on any machine.
 */
export function countInstructions(
  module: PluginModule,
  options: InstanceOptions,
  shape: CallShape,
  input: BenchInput,
  capacity: number | undefined,
  hostWork: HostWork = NO_HOST_WORK,
): Counted {
  const setup = startPlugin(module, options);
  if (!setup.ok) return { ok: false, message: describeSetupFailure(setup) };
  const plugin = setup.instance;
  const counter = plugin.instance.exports[COUNTER_EXPORT];
  if (!(counter instanceof WebAssembly.Global)) {
    return { ok: false, message: `the instrumented module does not export ${COUNTER_EXPORT}` };
  }
  const placed = hostWork(() => placeResident(plugin, shape, input, capacity));
  if (!placed.ok) return { ok: false, message: placed.problem };
  try {
    const first = placed.resident.call();
    counter.value = 0n;
    const second = placed.resident.call();
    if (first !== 0 || second !== 0) {
      return {
        ok: false,
        message: `the instrumented \`${shape.exportName}\` returned ${first}, then ${second}, not 0`,
      };
    }
    return { ok: true, perCall: Number(counter.value as bigint) };
  } catch (error) {
    return { ok: false, message: `the instrumented call failed: ${describeTrap(error)}` };
  }
}
