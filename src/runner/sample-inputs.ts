/**
 * The run's sample inputs: the corpus the caller gave (--corpus) and, with --explore, what a
 * coverage-guided exploration of each plugin kept. Both reach every property rule through
 * PropertySettings.corpus, and the replay commands name what reproduces them.
 */
import {
  loadCorpus,
  MAX_CORPUS_BYTES,
  MAX_CORPUS_SAMPLES,
  type LoadedCorpus,
} from '../corpus/load-corpus.js';
import { explorePlugin } from '../explore/explore-plugin.js';
import { shellQuote } from '../check/replay.js';
import type { Exploration as ExplorationReport } from '../spec-model/report-types.generated.js';
import type { Limits } from '../spec-model/limits.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';
import { checkOptionsObject, checkPositiveInteger, describeValue } from '../util/option-checks.js';
import { readPluginFile } from '../util/read-plugin-file.js';
import { compilePlugin } from './load-plugin.js';

export type CorpusOption = readonly (string | Uint8Array)[];

/**
 * What the default gate explores: this many calls, so that what it keeps (and the verdict)
 * depends on the seed alone, never on the machine's speed. A few hundred milliseconds on the
 * reference plugins; enough to get past a magic prefix or an exact length field.
 */
export const DEFAULT_EXPLORE: ExploreOption = { iterations: 3000 };

export interface ExploreOption {
  /** Explore for this long (wall-clock) before the rules run. */
  timeMs?: number;
  /** Explore exactly this many iterations (replay commands use this): with timeMs, whichever ends first. */
  iterations?: number;
}

/** Longest exploration a caller may ask for: a day. */
const MAX_EXPLORE_MS = 24 * 60 * 60 * 1000;

const bad = (message: string): UsageError => new UsageError('ZC_BAD_OPTION', message);

export function checkCorpusOption(label: string, value: unknown): void {
  if (
    !Array.isArray(value) ||
    value.some((item) => !(typeof item === 'string' || item instanceof Uint8Array) || item === '')
  ) {
    throw bad(`${label} must be a list of paths or Uint8Arrays, got ${describeValue(value)}`);
  }
  if (value.length === 0) throw bad(`${label} must name at least one file or directory`);
}

export function checkExploreOption(label: string, value: unknown, cli: boolean): void {
  if (value === false) return;
  const given = checkOptionsObject(label, value, ['timeMs', 'iterations']);
  const timeLabel = cli ? '--explore' : `${label}.timeMs`;
  const time = given['timeMs'];
  if (time !== undefined) {
    if (typeof time !== 'number' || !Number.isFinite(time) || time <= 0 || time > MAX_EXPLORE_MS) {
      const shown = cli && typeof time === 'number' ? `${time / 1000} s` : describeValue(time);
      throw bad(
        `${timeLabel} must be a time above 0 and at most a day (${cli ? '86400 s' : `${MAX_EXPLORE_MS} ms`}), got ${shown}`,
      );
    }
  }
  if (given['iterations'] !== undefined) {
    checkPositiveInteger(cli ? '--explore-iterations' : `${label}.iterations`, given['iterations']);
  }
  if (time === undefined && given['iterations'] === undefined) {
    throw bad(`${label} needs timeMs or iterations (or both): how long to explore`);
  }
}

/** The corpus as the run uses it, loaded once for every plugin. */
export function loadRunCorpus(
  entries: CorpusOption | undefined,
  limits: Limits,
): LoadedCorpus | undefined {
  return entries ? loadCorpus(entries, limits.maxInputBytes) : undefined;
}

/** `--corpus a,b`: the paths that reproduce a corpus, or a placeholder for bytes given in code. */
export function corpusReplayArgs(entries: CorpusOption | undefined): string {
  if (!entries?.length) return '';
  if (entries.some((entry) => typeof entry !== 'string')) return '--corpus <corpus>';
  return `--corpus ${(entries as readonly string[]).map(shellQuote).join(',')}`;
}

export interface PluginInputs {
  /** The author's samples every property rule of this plugin gets. */
  corpus: Uint8Array[];
  /** What exploration kept, for every property rule of this plugin. */
  explored: Uint8Array[];
  /** Inputs exploration saw `process` accept (explore-loop.ts's MAX_ACCEPTED at most). */
  accepted: Uint8Array[];
  /** Inputs that trapped `process` during exploration. */
  trapped: Uint8Array[];
  /** Arguments replay commands need for these samples. */
  replayArgs: string;
  exploration?: ExplorationReport;
}

interface ExplorationContext {
  spec: SpecIndex;
  seed: number;
  limits: Limits;
  /** Undefined: no exploration. */
  explore: ExploreOption | undefined;
  /** Whether `explore` is the default (replay commands then need not name it). */
  exploreIsDefault: boolean;
  corpus: LoadedCorpus | undefined;
}

/** Appends samples within the corpus bounds; returns how many fit. */
function appendWithin(into: Uint8Array[], more: readonly Uint8Array[]): number {
  let bytes = into.reduce((total, sample) => total + sample.length, 0);
  let added = 0;
  for (const sample of more) {
    if (into.length >= MAX_CORPUS_SAMPLES || bytes + sample.length > MAX_CORPUS_BYTES) break;
    into.push(sample);
    bytes += sample.length;
    added++;
  }
  return added;
}

/**
 * Explores one plugin (unless the run does not) and returns its samples: the given corpus,
 * and what exploration kept. A plugin that cannot be read or compiled is not explored (its
 * report says why); one without a callable `process` gets an exploration that says so.
 */
export async function pluginInputs(
  plugin: string | Uint8Array,
  context: ExplorationContext,
): Promise<PluginInputs> {
  const given = context.corpus?.samples ?? [];
  const corpus = [...given];
  const none: PluginInputs = { corpus, explored: [], accepted: [], trapped: [], replayArgs: '' };
  if (!context.explore) return none;
  const skipped = (stopped: string): PluginInputs => ({
    ...none,
    exploration: { iterations: 0, blocks: 0, blocksReached: 0, kept: 0, durationMs: 0, stopped },
  });
  let bytes: Uint8Array;
  if (typeof plugin === 'string') {
    const read = await readPluginFile(plugin);
    if (!read.ok) return none;
    bytes = read.bytes;
  } else {
    bytes = plugin;
  }
  const compiled = await compilePlugin(bytes);
  if (!compiled.ok) return none;
  const { spec } = context;
  const want = spec.wasmSignature(spec.export('process'));
  const found = compiled.info.exports.find((entry) => entry.name === 'process');
  const same = (a: readonly string[], b: readonly string[] | undefined): boolean =>
    b !== undefined && a.length === b.length && a.every((type, i) => type === b[i]);
  if (
    found?.kind !== 'function' ||
    !same(want.params, found.signature?.params) ||
    !same(want.results, found.signature?.results)
  ) {
    return skipped('`process` is not exported with the spec signature: nothing to explore');
  }
  const { limits } = context;
  const explored = await explorePlugin({
    bytes,
    exportNames: compiled.exportNames,
    seed: context.seed,
    budget: context.explore,
    limits,
    whitespace: spec.textWhitespace(),
    samples: given,
  });
  const kept: Uint8Array[] = [];
  const added = appendWithin(kept, explored.kept);
  const notes = [
    ...(explored.stopped !== undefined ? [explored.stopped] : []),
    ...(added < explored.kept.length
      ? [
          `${explored.kept.length - added} kept inputs left out: the corpus holds at most ${MAX_CORPUS_SAMPLES} samples and ${MAX_CORPUS_BYTES / 2 ** 20} MiB`,
        ]
      : []),
  ];
  return {
    corpus,
    explored: kept,
    accepted: explored.accepted,
    trapped: explored.trapped,
    // The number of iterations, not the time, decides what was kept: the replay names it,
    // unless it is the default's (which stops at the same call whenever it stops early).
    replayArgs:
      explored.iterations > 0 && !context.exploreIsDefault
        ? `--explore-iterations ${explored.iterations}`
        : '',
    exploration: {
      iterations: explored.iterations,
      blocks: explored.blocks,
      blocksReached: explored.blocksReached,
      kept: added,
      durationMs: explored.durationMs,
      ...(notes.length > 0 ? { stopped: notes.join('; ') } : {}),
    },
  };
}
