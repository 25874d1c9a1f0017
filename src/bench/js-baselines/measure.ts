import type { CallShape } from '../../abi/call-shape.js';
import type { SpecIndex } from '../../spec-model/spec-index.js';
import { inputBytesOf, type BenchInput } from '../inputs.js';
import type { JsBaselineChoice, JsResult } from '../../spec-model/bench-report-types.generated.js';
import { latencyOf, timedStats } from '../stats.js';
import { timeTask, type TimingSettings } from '../timing.js';
import { jsTaskFor } from './choose.js';
import { digestOf, type OutputDigest } from '../first-call.js';

/**
 * The JavaScript baseline on a case's input: run once and compared byte for byte with the
 * plugin's output, then timed like the harness. A ratio needs the same output.
 */
export function measureJsBaseline(
  spec: SpecIndex,
  timing: TimingSettings,
  name: JsBaselineChoice['name'],
  shape: CallShape,
  input: BenchInput,
  wasmOutput: OutputDigest,
): JsResult | undefined {
  const task = jsTaskFor(spec, name, shape.exportName, input, wasmOutput.bytes);
  if (!task) return undefined;
  const code = task.run();
  if (code < 0)
    return {
      baseline: name,
      matches: false,
      note: `the JavaScript baseline rejects this input (${code})`,
    };
  const written = digestOf(task.written());
  if (written.bytes !== wasmOutput.bytes || written.sha256 !== wasmOutput.sha256) {
    return {
      baseline: name,
      matches: false,
      note: "the JavaScript output differs from the plugin's: no ratio",
    };
  }
  // Samples kept, so that the median gets its interval as the plugin's does.
  const timed = timeTask(`${shape.exportName} (JavaScript)`, task.run, timing, true);
  if (!timed.ok)
    return {
      baseline: name,
      matches: true,
      note: `the JavaScript baseline failed: ${timed.message}`,
    };
  const latency = timed.value.samples ? latencyOf(timed.value.samples) : timed.value;
  return { baseline: name, matches: true, stats: timedStats(latency, inputBytesOf(input)) };
}
