/**
 * Why a mutant survived, by the kind of its first difference: each class says what the
 * mutant does, why no ABI rule can (or did) tell it from a correct plugin, and what would.
 * The classes are general (they look only at the difference, never at a mutant's id), and a
 * survivor that fits none is shown as unexplained, so a new kind of escape cannot hide.
 */
import type { Difference } from './differential.js';
import type { MutantRecord } from './report-types.js';

export interface SurvivorClass {
  id: string;
  title: string;
  /** Why the gate passes it. */
  why: string;
  /** What would catch it. */
  catchWith: string;
}

const ABI_ALLOWS = 'the ABI cannot know which answer is right: only the plugin’s own contract can';

export const SURVIVOR_CLASSES = {
  rejectsAccepted: {
    id: 'rejects-accepted-input',
    title: 'returns an error for an input the original accepted',
    why: `a plugin may reject any input it does not support (-1) or fail (-99), and ZC-CALL-016 only asks that it accept some; ${ABI_ALLOWS}`,
    catchWith:
      'the plugin’s contract: `accepts: utf8` or `accepts: any` (ZC-PROP-005/006), golden fixtures (ZC-FIX-001) or a `reference:` oracle (ZC-PROP-010); --strict also fails when the census finds almost nothing accepted',
  },
  acceptsRejected: {
    id: 'accepts-rejected-input',
    title: 'returns 0 for an input the original rejected',
    why: 'outside the profiles (non-UTF-8 for the tokenizer, overflowing dimensions for resize) the spec does not say which inputs are invalid',
    catchWith:
      'the plugin’s contract: golden fixtures with an expected -1 (ZC-FIX-001) or a `reference:` oracle (ZC-PROP-010)',
  },
  otherError: {
    id: 'other-error-code',
    title: 'returns a different error code',
    why: 'the spec lets an error be -1 or -99 where the cause is the plugin’s own; -3 is checked by ZC-CALL-009/010/015 only against the needed size',
    catchWith:
      'the plugin’s contract: golden fixtures with the expected code (ZC-FIX-001) or a `reference:` oracle (ZC-PROP-010)',
  },
  asksMoreRoom: {
    id: 'asks-for-more-room',
    title: 'returns -3 where the original succeeded',
    why: 'returning -3 with a needed size above the capacity and succeeding at that size is the contract, even when the plugin overestimates',
    catchWith:
      'the plugin’s contract: a `size:` bound (ZC-PROP-004), fixtures or a `reference:` oracle',
  },
  memoryAtEdge: {
    id: 'memory-fault-at-an-edge',
    title: 'traps or writes out of bounds at a rare capacity, placement or size',
    why: 'the default depth runs 100 cases a rule; these need one exact combination (exact capacity with the output at the end of memory, a 16-bit edge in a dimension)',
    catchWith: '--thorough (1000 cases), which kills most of them; a --corpus sample at the edge',
  },
  otherLength: {
    id: 'different-output-length',
    title: 'succeeds with a different *output_len, every byte written',
    why: `a length the plugin wrote in full is honest (ZC-CALL-014 only catches bytes it did not write); ${ABI_ALLOWS}`,
    catchWith:
      'the plugin’s contract: `size:` or `length-preserving` (ZC-PROP-004/008), an `inverse:` (ZC-PROP-009), golden fixtures (ZC-FIX-001) or a `reference:` oracle (ZC-PROP-010)',
  },
  otherBytes: {
    id: 'different-output-bytes',
    title: 'succeeds with different output bytes',
    why: `deterministic, placement-independent wrong output is a logic bug, and the profile oracles exist only for tokenize and resize_image; ${ABI_ALLOWS}`,
    catchWith:
      'the plugin’s contract: golden fixtures (ZC-FIX-001), `output:`/`idempotent`/`inverse:` (ZC-PROP-001..003, 007, 009) or a `reference:` oracle (ZC-PROP-010)',
  },
  otherName: {
    id: 'different-plugin-name',
    title: 'plugin_info returns a different valid name',
    why: 'any NUL-terminated name matching the spec’s pattern is conformant',
    catchWith: 'a test of the plugin’s own (the ABI checks the name’s form, not which name)',
  },
  unexplained: {
    id: 'unexplained',
    title: 'fits no class above',
    why: 'not yet analysed: read the survivor and write the rule or the class it needs',
    catchWith: 'unknown',
  },
} as const satisfies Record<string, SurvivorClass>;

const codeOf = (outcome: string): string | undefined => /^returned (-?\d+)/.exec(outcome)?.[1];

/** The class of a mutant's first difference (the differential check's, at the call it saw). */
export function classifyDifference(difference: Difference): SurvivorClass {
  const { field, original, mutant } = difference;
  if (field === 'text') return SURVIVOR_CLASSES.otherName;
  if (field === 'violations') return SURVIVOR_CLASSES.memoryAtEdge;
  if (field === 'output_len') return SURVIVOR_CLASSES.otherLength;
  if (field === 'output') return SURVIVOR_CLASSES.otherBytes;
  if (field !== 'outcome') return SURVIVOR_CLASSES.unexplained;
  if (/^(trapped|hang|stopped)/.test(mutant)) return SURVIVOR_CLASSES.memoryAtEdge;
  const before = codeOf(original);
  const after = codeOf(mutant);
  if (before === undefined || after === undefined) return SURVIVOR_CLASSES.unexplained;
  if (before === '0' && after === '-3') return SURVIVOR_CLASSES.asksMoreRoom;
  if (before === '0') return SURVIVOR_CLASSES.rejectsAccepted;
  if (after === '0') return SURVIVOR_CLASSES.acceptsRejected;
  return SURVIVOR_CLASSES.otherError;
}

export function survivorClassOf(mutant: MutantRecord): SurvivorClass {
  return mutant.differential.verdict === 'differs'
    ? classifyDifference(mutant.differential.difference)
    : SURVIVOR_CLASSES.unexplained;
}
