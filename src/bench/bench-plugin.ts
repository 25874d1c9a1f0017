import { readPluginInfo } from '../abi/plugin-info.js';
import { preparePluginModule } from '../host/plugin-module.js';
import { describeSetupFailure, startPlugin } from '../host/lifecycle.js';
import { DEFAULT_CLOCK_START_NS } from '../host/wasi-preview1.js';
import type { InstanceOptions, PluginInstance } from '../host/plugin-instance.js';
import { callShapeOf, callableExports } from '../abi/call-shape.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { describeNonModule } from '../wasm/identify-file.js';
import { benchCase, type BenchCaseRun, type CaseSettings } from './bench-case.js';
import { NO_HOST_WORK, type HostWork } from './first-call.js';
import type { Instrumented } from './instructions/instrument.js';
import { fileInput, generateInput, type InputPlan } from './inputs.js';
import { chooseJsBaseline } from './js-baselines/choose.js';
import type { PluginBench } from '../spec-model/bench-report-types.generated.js';
import type { TimingSettings } from './timing.js';
import { pluginNameOf } from './plugin-name.js';

/** Everything a worker needs to bench one plugin; plain data, so it survives postMessage. */
export interface PluginJob {
  source: string;
  bytes: Uint8Array;
  sizes: number[];
  timing: TimingSettings;
  seed: number;
  exports?: string[];
  /** The instrumented module for instruction counts (instrumented by the caller), or why not. */
  counter?: Instrumented;
  input?: { path: string; bytes: Uint8Array };
  /** The plugin's memory limit (the spec's maxMemoryBytes), enforced inside the module. */
  maxMemoryBytes: number;
  maxLogBytesPerCall: number;
}

/** What the worker finds out; the supervisor adds the file's source, size and hash. */
export type PluginFindings = Omit<PluginBench, 'source' | 'sha256' | 'bytes'>;

export type BenchEvent =
  /** A case begins: the `case`-th (from 1) of the plugin's `cases`, for progress and an ETA. */
  | { type: 'case-start'; export: string; size: number; case: number; cases: number }
  | { type: 'snapshot'; findings: PluginFindings };

function readInfo(plugin: PluginInstance, spec: SpecIndex): string | null {
  if (!plugin.hasFunction('plugin_info')) return null;
  const read = readPluginInfo(plugin, spec);
  return read.ok ? read.text : null;
}

/** Exports to bench: the spec's callable exports (process and the profile exports) present. */
export function benchExports(
  spec: SpecIndex,
  functionExports: ReadonlySet<string>,
  only: readonly string[] | undefined,
): string[] {
  return callableExports(spec).filter(
    (name) => functionExports.has(name) && (!only || only.includes(name)),
  );
}

/**
 * Benches one plugin: compile, instantiate and first-call times, then each export at each size
 * on a fresh instance. Reports progress so that a supervisor that has to stop a hung call
 * still has every case finished before it.
 */
export async function benchPlugin(
  job: PluginJob,
  emit: (event: BenchEvent) => void,
  hostWork: HostWork = NO_HOST_WORK,
): Promise<PluginFindings> {
  const spec = new SpecIndex(loadSpec());
  const findings: PluginFindings = {
    info: null,
    status: 'ok',
    jsBaseline: null,
    instructions: { status: job.counter ? 'counted' : 'skipped' },
    cases: [],
  };
  const fail = (message: string): PluginFindings => {
    findings.status = 'error';
    findings.error = message;
    return findings;
  };

  const notModule = describeNonModule(job.bytes);
  if (notModule) return fail(notModule);
  const compileStarted = performance.now();
  try {
    await WebAssembly.compile(job.bytes as Uint8Array<ArrayBuffer>);
  } catch (error) {
    return fail(`the engine rejected it: ${(error as Error).message}`);
  }
  const compileMs = performance.now() - compileStarted;
  // What runs is the copy with the memory limit inside (host/plugin-module.ts).
  const prepared = await preparePluginModule(job.bytes, job.maxMemoryBytes);
  if (!prepared.ok) return fail(prepared.message);
  const module = prepared.plugin;
  const options: InstanceOptions = {
    // A fixed clock start: the plugin's clock (WASI) is deterministic, and so are its counts.
    determinism: { randomSeed: job.seed, clockStartNs: DEFAULT_CLOCK_START_NS },
    captureLimit: 4096,
    maxLogBytesPerCall: job.maxLogBytesPerCall,
  };
  const instantiateStarted = performance.now();
  const setup = startPlugin(module, options);
  const instantiateMs = performance.now() - instantiateStarted;
  if (!setup.ok) return fail(describeSetupFailure(setup));
  if (setup.initCode !== undefined && setup.initCode !== 0) {
    return fail(`\`init\` returned ${setup.initCode}: the plugin refused to start`);
  }
  findings.timings = { compileMs, instantiateMs };
  findings.info = readInfo(setup.instance, spec);

  const functionExports = new Set(
    WebAssembly.Module.exports(module.module)
      .filter((entry) => entry.kind === 'function')
      .map((entry) => entry.name),
  );
  findings.jsBaseline = chooseJsBaseline(spec, functionExports, pluginNameOf(spec, findings.info));
  const settings: CaseSettings = {
    spec,
    timing: job.timing,
    jsBaseline: findings.jsBaseline,
    hostWork,
  };
  if (job.counter?.ok) {
    try {
      const counted = await preparePluginModule(job.counter.bytes, job.maxMemoryBytes);
      if (!counted.ok) throw new Error(counted.message);
      settings.counter = { module: counted.plugin, options };
    } catch (error) {
      const message = `the instrumented module does not compile: ${(error as Error).message}`;
      findings.instructions = { status: 'unavailable', message };
    }
  } else if (job.counter) {
    findings.instructions = { status: 'unavailable', message: job.counter.message };
  }
  emit({ type: 'snapshot', findings });

  const plan: InputPlan = { spec, exports: functionExports, seed: job.seed };
  let firstInstance: PluginInstance | undefined = setup.instance;
  const freshInstance = (): PluginInstance | string => {
    if (firstInstance) {
      const instance = firstInstance;
      firstInstance = undefined;
      return instance;
    }
    const started = startPlugin(module, options);
    return started.ok ? started.instance : describeSetupFailure(started);
  };
  const sizes = job.input ? [job.input.bytes.length] : job.sizes;
  const names = benchExports(spec, functionExports, job.exports);
  const cases = names.length * sizes.length;
  let started = 0;
  for (const name of names) {
    const shape = callShapeOf(spec, name);
    for (const size of sizes) {
      emit({ type: 'case-start', export: name, size, case: ++started, cases });
      const input = hostWork(() =>
        job.input
          ? fileInput(shape, job.input.bytes, job.input.path)
          : generateInput(plan, shape, size),
      );
      const plugin = typeof input === 'string' ? input : freshInstance();
      if (typeof input === 'string' || typeof plugin === 'string') {
        const message = typeof input === 'string' ? input : (plugin as string);
        findings.cases.push({ status: 'error', export: name, size, message });
        emit({ type: 'snapshot', findings });
        continue;
      }
      let run: BenchCaseRun = benchCase(settings, plugin, shape, input, size);
      if (run.result.status === 'rejected' && run.result.code === -1 && input.kind === 'bytes') {
        // A plugin with no profile that wants text: the spec's text is the next-best input.
        const again = freshInstance();
        if (typeof again !== 'string') {
          const textRun = benchCase(
            settings,
            again,
            shape,
            hostWork(() => generateInput(plan, shape, size, true)),
            size,
          );
          if (textRun.result.status !== 'rejected') run = textRun;
          else run.result.message += ', and UTF-8 text too';
        }
      }
      if (findings.timings.firstCallMs === undefined && run.firstCallMs !== undefined) {
        findings.timings.firstCallMs = run.firstCallMs;
      }
      if (run.countingProblem) {
        findings.instructions = {
          status: 'unavailable',
          message: [findings.instructions.message, run.countingProblem].filter(Boolean).join('; '),
        };
      }
      findings.cases.push(run.result);
      emit({ type: 'snapshot', findings });
    }
  }
  return findings;
}
