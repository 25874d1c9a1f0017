import type { ExploreBudget } from './explore-loop.js';

export interface ExploreJob {
  /** The module as given; the worker instruments and guards its own copy. */
  bytes: Uint8Array;
  /** Function export names by call-watch id (the instrumented copy exports the same ones). */
  exportNames: string[];
  seed: number;
  budget: ExploreBudget;
  maxInputBytes: number;
  maxMemoryBytes: number;
  maxLogBytesPerCall: number;
  whitespace: readonly number[];
  samples: readonly Uint8Array[];
  /** Added by the supervisor. */
  watchBuffer: SharedArrayBuffer;
}

/** What the exploration worker reports: each kept input as found, progress, then the end. */
export type ExploreWorkerMessage =
  | { type: 'kept'; input: Uint8Array; iteration: number }
  | { type: 'progress'; iterations: number; blocks: number; blocksReached: number }
  | {
      type: 'result';
      iterations: number;
      blocks: number;
      blocksReached: number;
      stopped?: string;
    };
