import type { CallOutcome, InstanceOptions, PluginInstance } from '../host/plugin-instance.js';
import type { PluginModule } from '../host/plugin-module.js';
import type { CallShape } from '../abi/call-shape.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { WASM_PAGE_BYTES as PAGE } from '../wasm/page.js';
import { callOnce, firstCall, NO_HOST_WORK, type HostWork } from './first-call.js';
import { countInstructions } from './instructions/count.js';
import { inputBytesOf, inputDigest, type BenchInput } from './inputs.js';
import { measureJsBaseline } from './js-baselines/measure.js';
import type {
  CaseResult,
  JsBaselineChoice,
  MeasuredCase,
} from '../spec-model/bench-report-types.generated.js';
import { latencyOf, rawStats, timedStats } from './stats.js';
import { median, timeAlternating, type TimingSettings } from './timing.js';

export interface CaseSettings {
  spec: SpecIndex;
  timing: TimingSettings;
  jsBaseline: JsBaselineChoice | null;
  /** The instrumented module and the options to start it, when instructions are counted. */
  counter?: { module: PluginModule; options: InstanceOptions };
  /** Brackets the tool's own work, which the plugin's deadline does not count. */
  hostWork?: HostWork;
}

export interface BenchCaseRun {
  result: CaseResult;
  /** The first call's duration on this instance (the plugin's first call, for the first case). */
  firstCallMs?: number;
  /** Why instructions could not be counted for this case. */
  countingProblem?: string;
}

/**
 * One export on one input: the verified first call, then the raw loop and the tinybench harness
 * on the same resident buffers, the JavaScript baseline, and the instruction count. A trap or
 * a rejected input becomes the case's result, never an exception.
 */
export function benchCase(
  settings: CaseSettings,
  plugin: PluginInstance,
  shape: CallShape,
  input: BenchInput,
  size: number,
): BenchCaseRun {
  const hostWork = settings.hostWork ?? NO_HOST_WORK;
  const common = {
    export: shape.exportName,
    size,
    inputBytes: inputBytesOf(input),
    inputKind: input.kind,
    inputSha256: hostWork(() => inputDigest(input)),
    input: input.description,
  };
  const error = (message: string): BenchCaseRun => ({
    result: { status: 'error', ...common, message },
  });
  try {
    const first = firstCall(plugin, shape, input, settings.spec, hostWork);
    if (first.kind === 'error') return error(first.message);
    if (first.kind === 'rejected') {
      return {
        result: { status: 'rejected', ...common, code: first.code, message: first.message },
        firstCallMs: first.ms,
      };
    }
    const { resident } = first;
    const bytes = common.inputBytes;
    const describeThrow = (thrown: unknown): string =>
      describeOutcome(plugin.outcomeOf(thrown, shape.exportName));
    const timed = timeAlternating(
      `${shape.exportName} ${size}`,
      resident.call,
      settings.timing,
      describeThrow,
    );
    if (typeof timed === 'string') return error(timed);
    // Only the first call's code is checked before timing; a plugin that starts failing later
    // would have been timed on its error path.
    const last = callOnce(plugin, shape, resident);
    if (last !== 0)
      return error(
        `after the timed calls, a call returned ${last}, not 0: the timings are not of successful calls`,
      );
    const pagesAfter = plugin.memoryBytes / PAGE;

    const harnessStats = timedStats(latencyOf(timed.harness), bytes);
    const rawResult = rawStats(timed.raw, timed.callsPerSample, bytes);
    const measured: MeasuredCase = {
      status: 'measured',
      ...common,
      outputBytes: first.output.bytes,
      memoryPages: { before: first.pagesBefore, after: pagesAfter },
      harness: harnessStats,
      raw: rawResult,
      harnessOverhead: timed.roundRatios.length > 0 ? median(timed.roundRatios) : 0,
    };
    const { jsBaseline } = settings;
    // The JavaScript baseline is no time of the plugin's.
    const js =
      jsBaseline &&
      hostWork(() =>
        measureJsBaseline(
          settings.spec,
          settings.timing,
          jsBaseline.name,
          shape,
          input,
          first.output,
        ),
      );
    if (js) {
      measured.js = js;
      // Medians, as the reports' headline: the table's ratio is the chart's.
      if (js.stats && js.stats.p50Ms > 0 && harnessStats.p50Ms > 0)
        measured.jsOverWasm = js.stats.p50Ms / harnessStats.p50Ms;
    }
    let countingProblem: string | undefined;
    if (settings.counter) {
      const counted = countInstructions(
        settings.counter.module,
        settings.counter.options,
        shape,
        input,
        resident.capacity,
        hostWork,
      );
      if (counted.ok) {
        measured.instructions = {
          perCall: counted.perCall,
          perByte: bytes > 0 ? counted.perCall / bytes : 0,
        };
      } else {
        countingProblem = `${shape.exportName} at ${size} bytes: ${counted.message}`;
      }
    }
    return {
      result: measured,
      firstCallMs: first.ms,
      ...(countingProblem ? { countingProblem } : {}),
    };
  } catch (thrown) {
    const outcome = plugin.outcomeOf(thrown, shape.exportName);
    return error(outcome.kind === 'stopped' ? outcome.detail : describeOutcome(outcome));
  }
}

function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'stopped':
      return outcome.detail;
    case 'trapped':
      return outcome.message;
    case 'blocked':
      return outcome.reason;
    case 'returned':
      return `returned ${outcome.value}`;
  }
}
