import type { CapturedText, LogViolation } from '../host/capture.js';
import { DEFAULT_PLACEMENT } from '../abi/buffer-layout.js';
import { rolesOf } from '../abi/call-shape.js';
import { guardedCall } from '../abi/guarded-call.js';
import { describeSetupFailure, type PluginSetup } from '../host/lifecycle.js';
import type { CallOutcome, PluginInstance } from '../host/plugin-instance.js';
import type { SpecIndex } from '../spec-model/spec-index.js';

/**
 * A fixed, small run of the plugin's life: load, plugin_info, process on a handful of inputs,
 * cleanup. Rules about what happens along the way (logging, cleanup) read this one record,
 * so the plugin is exercised once rather than once per rule.
 */
export interface CannedExercise {
  /** Set when no instance could be started at all. */
  setupFailure?: string;
  calls: Array<{ label: string; outcome: CallOutcome }>;
  processCalls: number;
  cleanup: { called: false } | { called: true; outcome: CallOutcome };
  violations: LogViolation[];
  bytesPerCall: Array<{ call: string; bytes: number }>;
  output: CapturedText;
}

const encoder = new TextEncoder();

export const CANNED_INPUTS: ReadonlyArray<{ name: string; bytes: Uint8Array }> = [
  { name: 'empty', bytes: new Uint8Array(0) },
  { name: 'short text', bytes: encoder.encode('hello, world') },
  {
    name: '4 KiB of text',
    bytes: encoder.encode('The quick brown fox jumps over the lazy dog.\n'.repeat(92)),
  },
  { name: 'invalid UTF-8', bytes: new Uint8Array([0x66, 0x6f, 0xff, 0xfe, 0xc3, 0x28, 0x80]) },
  { name: 'all byte values', bytes: Uint8Array.from({ length: 256 }, (_, i) => i) },
];

const CANNED_CAPACITY = 64 * 1024;

export function runCannedExercise(start: () => PluginSetup, spec: SpecIndex): CannedExercise {
  const record: CannedExercise = {
    calls: [],
    processCalls: 0,
    cleanup: { called: false },
    violations: [],
    bytesPerCall: [],
    output: { stdout: '', stderr: '', log: [], droppedBytes: 0 },
  };
  const retired: PluginInstance[] = [];
  let setup = start();
  if (!setup.ok) return { ...record, setupFailure: describeSetupFailure(setup) };
  let plugin = setup.instance;

  record.calls.push({ label: 'plugin_info()', outcome: plugin.call('plugin_info') });
  if (plugin.hasFunction('process')) {
    const roles = rolesOf(spec, 'process');
    for (const input of CANNED_INPUTS) {
      if (plugin.poisoned) {
        // A trap poisons an instance; carry on with a fresh one, as Zenith would.
        retired.push(plugin);
        setup = start();
        if (!setup.ok) break;
        plugin = setup.instance;
      }
      const result = guardedCall(plugin, {
        exportName: 'process',
        roles,
        input: input.bytes,
        outputBytes: CANNED_CAPACITY,
        cellValue: CANNED_CAPACITY,
        placement: DEFAULT_PLACEMENT,
      });
      record.processCalls++;
      record.calls.push({ label: `process(${input.name})`, outcome: result.outcome });
    }
  }
  if (plugin.hasFunction('cleanup') && !plugin.poisoned) {
    record.cleanup = { called: true, outcome: plugin.call('cleanup') };
  }
  for (const instance of [...retired, plugin]) {
    record.violations.push(...instance.capture.violations);
    record.bytesPerCall.push(...instance.capture.bytesPerCall);
    const text = instance.capture.snapshot();
    record.output.stdout += text.stdout;
    record.output.stderr += text.stderr;
    record.output.log.push(...text.log);
    record.output.droppedBytes = (record.output.droppedBytes ?? 0) + (text.droppedBytes ?? 0);
  }
  return record;
}
