import type { ExploreBudget } from './explore-loop.js';

/** What an exploration needs to know, in the worker and in the supervisor's job alike. */
export interface ExploreSettings {
  seed: number;
  budget: ExploreBudget;
  maxInputBytes: number;
  maxMemoryBytes: number;
  maxLogBytesPerCall: number;
  whitespace: readonly number[];
  samples: readonly Uint8Array[];
}

export interface ExploreJob extends ExploreSettings {
  /** The module as given; the worker instruments and guards its own copy. */
  bytes: Uint8Array;
  /** Function export names by call-watch id (the instrumented copy exports the same ones). */
  exportNames: string[];
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
      /** The accepted inputs it remembered (explore-loop.ts's ExploreLoopResult.accepted). */
      accepted: Uint8Array[];
      /** The trapping inputs it kept (ExploreLoopResult.trapped). */
      trapped: Uint8Array[];
      stopped?: string;
    };
