import { runSupervised } from '../supervise/sandbox.js';
import type { ExploreBudget } from './explore-loop.js';
import type { ExploreJob, ExploreWorkerMessage } from './explore-protocol.js';

const EXPLORE_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './explore-worker.ts' : './explore-worker.js',
  import.meta.url,
);

export interface ExploreRequest {
  bytes: Uint8Array;
  exportNames: string[];
  seed: number;
  budget: ExploreBudget;
  limits: {
    maxInputBytes: number;
    maxMemoryBytes: number;
    maxLogBytesPerCall: number;
    callTimeoutMs: number;
    callTimeoutMsPerMiB: number;
  };
  whitespace: readonly number[];
  samples: readonly Uint8Array[];
}

export interface Exploration {
  /** Calls made: with the seed, all that decides which inputs were kept. */
  iterations: number;
  /** Basic blocks in the module's functions, and how many of them some input reached. */
  blocks: number;
  blocksReached: number;
  /** Inputs that reached new blocks, in the order found. */
  kept: Uint8Array[];
  /**
   * Inputs `process` accepted with output: those that reached new code, then one per new
   * length (ExploreLoopResult.accepted).
   */
  accepted: Uint8Array[];
  /** Inputs that trapped and reached new blocks, in the order found. */
  trapped: Uint8Array[];
  durationMs: number;
  /** Why exploration ended before its budget, if it did. */
  stopped?: string;
}

/** Past the time budget, how long the worker may take to finish before it is stopped. */
const GRACE_MS = 30_000;

/**
 * Explores `process` in a supervised worker (src/explore/explore-worker.ts) and returns what it
 * kept. A call that hangs ends exploration there, with the inputs kept so far (and the hanging
 * one when its whole input was in the call watch's preview): the rules then judge it.
 */
export async function explorePlugin(request: ExploreRequest): Promise<Exploration> {
  const began = performance.now();
  const kept: Uint8Array[] = [];
  let progress = { iterations: 0, blocks: 0, blocksReached: 0 };
  let result: Extract<ExploreWorkerMessage, { type: 'result' }> | undefined;
  const { limits } = request;
  const job: Omit<ExploreJob, 'watchBuffer'> = {
    bytes: request.bytes,
    exportNames: request.exportNames,
    seed: request.seed,
    budget: request.budget,
    maxInputBytes: limits.maxInputBytes,
    maxMemoryBytes: limits.maxMemoryBytes,
    maxLogBytesPerCall: limits.maxLogBytesPerCall,
    whitespace: request.whitespace,
    samples: request.samples,
  };
  const end = await runSupervised<typeof job, ExploreWorkerMessage>({
    entry: EXPLORE_WORKER.href,
    job,
    watch: {
      exportNames: request.exportNames,
      callTimeoutMs: limits.callTimeoutMs,
      callTimeoutMsPerMiB: limits.callTimeoutMsPerMiB,
    },
    overallTimeoutMs:
      request.budget.timeMs === undefined ? undefined : request.budget.timeMs + GRACE_MS,
    onMessage: (message) => {
      if (message.type === 'kept') kept.push(message.input);
      else if (message.type === 'progress') progress = message;
      else result = message;
    },
  });
  const durationMs = Math.round(performance.now() - began);
  if (end.kind === 'done' && result) {
    const { iterations, blocks, blocksReached, accepted, trapped, stopped } = result;
    return {
      iterations,
      blocks,
      blocksReached,
      kept,
      accepted,
      trapped,
      durationMs,
      ...(stopped !== undefined ? { stopped } : {}),
    };
  }
  let stopped: string;
  let iterations = progress.iterations;
  if (end.kind === 'stopped' && end.reason === 'hang' && end.call) {
    const { call } = end;
    // The hanging call counts: the same number of iterations runs into it again.
    if (call.caseIndex >= 0) iterations = call.caseIndex + 1;
    // The hanging input is kept when the preview holds all of it: the rules then find the hang.
    if (call.input && call.input.head.length === call.input.length) kept.push(call.input.head);
    stopped = `a call to \`${call.exportName}\` did not return within ${end.deadlineMs} ms of CPU time (iteration ${iterations}): exploration ended there`;
  } else if (end.kind === 'stopped') {
    stopped = `exploration did not finish within its budget and ${GRACE_MS / 1000} s more, and was stopped`;
  } else if (end.kind === 'starved') {
    stopped = 'the machine gave exploration too little CPU to tell a slow call from a hang';
  } else if (end.kind === 'crashed' || end.kind === 'evicted') {
    stopped = `the exploration worker ${end.message}`;
  } else {
    stopped = 'the exploration worker ended without its result';
  }
  return {
    iterations,
    blocks: progress.blocks,
    blocksReached: progress.blocksReached,
    kept,
    // Told only at the end: a stopped exploration has none to give.
    accepted: [],
    trapped: [],
    durationMs,
    stopped,
  };
}
