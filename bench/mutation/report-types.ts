/**
 * The mutation benchmark's report: what reports/mutation/report.json holds. This type is its
 * schema; render-markdown.ts turns it into report.md.
 */
import type { Difference } from './differential.js';
import type { GateRun } from './gate.js';
import type { MutationSite, SampleStats } from './mutate.js';
import type { OperatorId } from './operators.js';

export type MutantClass =
  'killed' | 'killed-by-should' | 'survived' | 'equivalent' | 'not-instantiable' | 'error';

export const MUTANT_CLASSES: readonly MutantClass[] = [
  'killed',
  'killed-by-should',
  'survived',
  'equivalent',
  'not-instantiable',
  'error',
];

/**
 * default and thorough: the ABI rules alone, as a plugin with no config gets them. contract:
 * the default depth with the plugin's declared contract (reference-plugins/zenith-conform
 * .config.json: its fixtures and properties), as the plugin's own repository would run it.
 */
export type Depth = 'default' | 'thorough' | 'contract';

export interface MutationReport {
  tool: { name: 'zenith-conform bench:mutation'; version: string; node: string };
  spec: { abi: string; version: string };
  settings: {
    seed: number;
    perOperator: number;
    jobs: number;
    /** What "code that ran" means: instructions in regions that ran, or whole functions entered. */
    coverage: 'instructions' | 'functions';
    operators: OperatorId[];
    /** Seeded inputs per export in the differential check (the canned ones come on top). */
    seededInputs: number;
    gateTimeoutMs: number;
    /** The config whose contracts the `contract` depth used; plugins it does not name have none. */
    contracts?: string;
  };
  startedAt: string;
  durationMs: number;
  phases: { prepareMs: number; differentialMs: number; gateMs: number };
  operators: Array<{ id: OperatorId; description: string }>;
  plugins: PluginSummary[];
  /** Mutants per class, at each depth (equivalent and not-instantiable are the same at both). */
  classes: Record<Depth, Record<MutantClass, number>>;
  scores: Record<Depth, ScoreTable>;
  /** How many mutants each rule failed (a mutant counts for every rule that failed on it). */
  killsByRule: Record<Depth, Record<string, number>>;
  mutants: MutantRecord[];
}

export interface PluginSummary {
  /** The file's path as given. */
  source: string;
  name: string;
  sizeBytes: number;
  functions: number;
  functionsRan: number[];
  instructions: { total: number; ran: number };
  /** Calls in the differential check's plan (each input at each capacity). */
  plannedCalls: number;
  /** Per operator: its sites in code that ran and in the whole module, and how sampling went. */
  sampling: Partial<Record<OperatorId, SampleStats & { sitesInModule: number }>>;
}

/** A mutant's site (where and what changed, without the replacement instructions) and its fate. */
export interface MutantRecord extends Omit<MutationSite, 'replacement'> {
  /** `<plugin>:<operator>:f<function>@0x<offset>:<variant>`. */
  id: string;
  plugin: string;
  differential:
    | { verdict: 'equivalent'; steps: number; durationMs: number }
    | { verdict: 'not-instantiable'; reason: string; durationMs: number }
    | {
        verdict: 'differs';
        /** The first difference, in the first export whose run differed. */
        difference: Difference;
        /** The first difference in each other export whose run differed too. */
        alsoDiffers?: Difference[];
        durationMs: number;
      };
  /** The gate's runs: thorough is absent when the default run killed (it would again). */
  gate?: {
    default: GateRun;
    thorough?: GateRun;
    /**
     * The declared rules of the plugin's contract, at the default depth (absent when it has
     * none, or the default run killed already): the ABI rules' verdicts are the default run's.
     */
    contract?: GateRun;
    /** Set when the first try ended in a tool error and these runs are the second: its errors. */
    retriedAfter?: string[];
  };
  class: Record<Depth, MutantClass>;
}

export interface Score {
  killed: number;
  killedByShould: number;
  survived: number;
  error: number;
  equivalent: number;
  notInstantiable: number;
  total: number;
  /** killed / (killed + killed-by-should + survived); null when that is 0 / 0. */
  score: number | null;
}

export interface ScoreTable {
  overall: Score;
  plugins: Record<string, Score>;
  operators: Partial<Record<OperatorId, Score>>;
}
