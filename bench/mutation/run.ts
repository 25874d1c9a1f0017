/**
 * One mutation benchmark run: for each plugin, the reference run (coverage and the plan),
 * the sampled mutants, the differential check of each; then the gate on every mutant that
 * behaved differently, `jobs` runs at a time; then the scores.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadSpec } from '../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../src/spec-model/spec-index.js';
import { resolveLimits } from '../../src/spec-model/limits.js';
import { DEFAULT_SEED, type PluginContract } from '../../src/index.js';
import { packageVersion } from '../../src/util/package-root.js';
import { buildReference, differential, plannedCalls } from './differential.js';
import type { ExerciseSettings } from './exercise.js';
import { gateRun, type GateOptions } from './gate.js';
import { isDeclared } from '../../src/contract/declared.js';
import { DEFAULT_INPUT_SETTINGS, exerciseInputs, exercisedExports } from './inputs.js';
import { countRan, enumerateSites, ranFrom, sampleMutants, type SampledMutant } from './mutate.js';
import { OPERATOR_IDS, OPERATORS, type OperatorId } from './operators.js';
import type { MutantRecord, MutationReport, PluginSummary } from './report-types.js';
import { deriveSeed } from './sample.js';
import { classCounts, killsByRule, scoreTable } from './score.js';

export interface MutationOptions {
  plugins: readonly string[];
  perOperator?: number;
  seed?: number;
  jobs?: number;
  operators?: readonly OperatorId[];
  coverage?: 'instructions' | 'functions';
  seededInputs?: number;
  gateTimeoutMs?: number;
  /**
   * Each plugin's declared contract by name (`echo`, `c-hex`, ...): the `contract` depth runs
   * the default gate with it. A plugin without one gets the default verdict there.
   */
  contracts?: ReadonlyMap<string, PluginContract>;
  /** Where the contracts came from, for the report. */
  contractsSource?: string;
  /** Progress lines (stderr in the CLI). */
  onProgress?: (line: string) => void;
}

export const DEFAULT_PER_OPERATOR = 25;
export const DEFAULT_GATE_TIMEOUT_MS = 10 * 60 * 1000;

interface Pending {
  record: MutantRecord;
  bytes: Uint8Array;
}

const pluginName = (source: string): string => basename(source).replace(/\.wasm$/, '');

const hex = (offset: number): string => `0x${offset.toString(16)}`;

export async function runMutationBenchmark(options: MutationOptions): Promise<MutationReport> {
  const began = performance.now();
  const startedAt = new Date().toISOString();
  const seed = options.seed ?? DEFAULT_SEED;
  const perOperator = options.perOperator ?? DEFAULT_PER_OPERATOR;
  const operators = options.operators ?? OPERATOR_IDS;
  const coverage = options.coverage ?? 'instructions';
  const seededInputs = options.seededInputs ?? DEFAULT_INPUT_SETTINGS.seeded;
  const gateOptions: GateOptions = {
    seed,
    timeoutMs: options.gateTimeoutMs ?? DEFAULT_GATE_TIMEOUT_MS,
  };
  const jobs = Math.max(1, options.jobs ?? 1);
  const specIndex = new SpecIndex(loadSpec());
  const contractRuns = new Map(
    [...(options.contracts ?? [])].map(([name, contract]) => [
      name,
      {
        contract,
        rules: specIndex.rules
          .filter((rule) => rule.declaredBy && isDeclared(rule.declaredBy, contract))
          .map((rule) => rule.id),
      },
    ]),
  );
  const progress = options.onProgress ?? (() => undefined);
  const spec = new SpecIndex(loadSpec());
  const limits = resolveLimits(spec, undefined);

  const summaries: PluginSummary[] = [];
  const records: MutantRecord[] = [];
  const pending: Pending[] = [];
  let prepareMs = 0;
  let differentialMs = 0;

  for (const source of options.plugins) {
    const preparing = performance.now();
    const name = pluginName(source);
    const bytes = new Uint8Array(readFileSync(source));
    const exported = new Set(
      WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((entry) => entry.name),
    );
    const shapes = new Map(
      exercisedExports(spec, exported).map((shape) => [shape.exportName, shape]),
    );
    const settings: ExerciseSettings = {
      spec,
      seed,
      maxLogBytesPerCall: limits.maxLogBytesPerCall,
      maxInputBytes: limits.maxInputBytes,
      shapes,
    };
    const inputs = exerciseInputs(spec, exported, {
      ...DEFAULT_INPUT_SETTINGS,
      seed,
      seeded: seededInputs,
    });
    const reference = await buildReference(bytes, inputs, settings);
    const ran = ranFrom(reference.regions, reference.covered, coverage);
    const sites = enumerateSites(bytes, ran, operators);
    const everySite = enumerateSites(
      bytes,
      new Map(reference.functions.map((f) => [f, true])),
      operators,
    );
    const taken = new Set<string>();
    const sampled: SampledMutant[] = [];
    const summary: PluginSummary = {
      source,
      name,
      sizeBytes: bytes.length,
      functions: reference.functions.length,
      functionsRan: [...ran.keys()],
      instructions: countRan(bytes, ran),
      plannedCalls: plannedCalls(reference),
      sampling: {},
    };
    for (const operator of operators) {
      const { mutants, stats } = sampleMutants(
        bytes,
        sites,
        operator,
        perOperator,
        deriveSeed(seed, name),
        taken,
      );
      summary.sampling[operator] = {
        ...stats,
        sitesInModule: everySite.filter((site) => site.operator === operator).length,
      };
      sampled.push(...mutants);
    }
    summaries.push(summary);
    prepareMs += performance.now() - preparing;
    progress(
      `${name}: ${summary.functionsRan.length} of ${summary.functions} functions ran (${summary.instructions.ran} of ${summary.instructions.total} instructions), ${plannedCalls(reference)} planned calls, ${sampled.length} mutants`,
    );

    const checking = performance.now();
    for (const { site, bytes: mutant } of sampled) {
      const started = performance.now();
      const verdict = await differential(mutant, reference, settings);
      const durationMs = Math.round(performance.now() - started);
      const record: MutantRecord = {
        id: `${name}:${site.operator}:f${site.functionIndex}@${hex(site.offset)}:${site.variant}`,
        plugin: name,
        operator: site.operator,
        functionIndex: site.functionIndex,
        instructionIndex: site.instructionIndex,
        offset: site.offset,
        variant: site.variant,
        before: site.before,
        after: site.after,
        differential:
          verdict.kind === 'equivalent'
            ? { verdict: 'equivalent', steps: verdict.steps, durationMs }
            : verdict.kind === 'not-instantiable'
              ? { verdict: 'not-instantiable', reason: verdict.reason, durationMs }
              : {
                  verdict: 'differs',
                  difference: verdict.difference,
                  ...(verdict.alsoDiffers.length > 0 ? { alsoDiffers: verdict.alsoDiffers } : {}),
                  durationMs,
                },
        class:
          verdict.kind === 'differs'
            ? { default: 'survived', thorough: 'survived', contract: 'survived' }
            : verdict.kind === 'equivalent'
              ? { default: 'equivalent', thorough: 'equivalent', contract: 'equivalent' }
              : {
                  default: 'not-instantiable',
                  thorough: 'not-instantiable',
                  contract: 'not-instantiable',
                },
      };
      records.push(record);
      if (verdict.kind === 'differs') pending.push({ record, bytes: mutant });
    }
    differentialMs += performance.now() - checking;
    const of = (kind: string) =>
      records.filter((r) => r.plugin === name && r.differential.verdict === kind).length;
    progress(
      `${name}: differential check: ${of('differs')} differ, ${of('equivalent')} equivalent, ${of('not-instantiable')} not instantiable`,
    );
  }

  const gating = performance.now();
  let done = 0;
  const next = async (): Promise<void> => {
    for (let item = pending.shift(); item; item = pending.shift()) {
      const { record, bytes } = item;
      const earlier = record.gate;
      const quick = await gateRun(bytes, 'quick', gateOptions);
      record.gate = { default: quick };
      record.class.default = quick.class;
      if (quick.class === 'killed') record.class.thorough = 'killed';
      else if (quick.class === 'error') record.class.thorough = 'error';
      else {
        const thorough = await gateRun(bytes, 'thorough', gateOptions);
        record.gate.thorough = thorough;
        record.class.thorough = thorough.class;
      }
      // A contract adds rules and leaves the ABI rules' cases as they are (same seed, same
      // inputs), so the default run's verdicts stand and only the declared rules run again.
      const contract = contractRuns.get(record.plugin);
      if (contract && quick.class !== 'killed') {
        const declared = await gateRun(bytes, 'quick', gateOptions, contract);
        record.gate.contract = declared;
        record.class.contract =
          declared.class === 'killed' || declared.class === 'error' ? declared.class : quick.class;
      } else record.class.contract = quick.class;
      if (earlier)
        record.gate.retriedAfter = [
          ...earlier.default.errors,
          ...(earlier.thorough?.errors ?? []),
          ...(earlier.contract?.errors ?? []),
        ];
      done++;
      const rules = (record.gate.thorough ?? quick).mustFailed;
      progress(
        `[${done}/${total}] ${record.id}: ${record.class.default}${record.class.thorough !== record.class.default ? ` (thorough: ${record.class.thorough})` : ''}${record.class.contract !== record.class.default ? ` (contract: ${record.class.contract})` : ''}${rules.length ? ` by ${rules.join(', ')}` : ''}`,
      );
    }
  };
  let total = pending.length;
  progress(`gate: ${total} mutants, ${jobs} at a time`);
  const gated = [...pending];
  await Promise.all(Array.from({ length: jobs }, () => next()));
  // A tool error is most often the tool's own passing trouble (a sandbox that had to go, a
  // check file caught mid-edit): each is run once more, and keeps its class only if it errs again.
  const retried = gated.filter(
    ({ record }) =>
      record.class.default === 'error' ||
      record.class.thorough === 'error' ||
      record.class.contract === 'error',
  );
  if (retried.length > 0) {
    progress(`gate: ${retried.length} tool errors, run once more`);
    pending.push(...retried);
    done = 0;
    total = retried.length;
    await Promise.all(Array.from({ length: jobs }, () => next()));
  }
  const gateMs = performance.now() - gating;

  const names = summaries.map((summary) => summary.name);
  return {
    tool: {
      name: 'zenith-conform bench:mutation',
      version: packageVersion(),
      node: process.version,
    },
    spec: { abi: spec.abi, version: spec.version },
    settings: {
      seed,
      perOperator,
      jobs,
      coverage,
      operators: [...operators],
      seededInputs,
      gateTimeoutMs: gateOptions.timeoutMs,
      ...(options.contractsSource ? { contracts: options.contractsSource } : {}),
    },
    startedAt,
    durationMs: Math.round(performance.now() - began),
    phases: {
      prepareMs: Math.round(prepareMs),
      differentialMs: Math.round(differentialMs),
      gateMs: Math.round(gateMs),
    },
    operators: OPERATORS.filter((operator) => operators.includes(operator.id)).map(
      ({ id, description }) => ({ id, description }),
    ),
    plugins: summaries,
    classes: {
      default: classCounts(records, 'default'),
      thorough: classCounts(records, 'thorough'),
      contract: classCounts(records, 'contract'),
    },
    scores: {
      default: scoreTable(records, 'default', names, operators),
      thorough: scoreTable(records, 'thorough', names, operators),
      contract: scoreTable(records, 'contract', names, operators),
    },
    killsByRule: {
      default: killsByRule(records, 'default'),
      thorough: killsByRule(records, 'thorough'),
      contract: killsByRule(records, 'contract'),
    },
    mutants: records,
  };
}
