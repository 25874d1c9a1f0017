// Every survivor gets the class of its first difference, and one that fits none is shown as
// unexplained rather than folded into a class that excuses it.
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../../bench/mutation/differential.js';
import { classifyDifference } from '../../../bench/mutation/survivor-classes.js';

const difference = (
  field: Difference['field'],
  original: string,
  mutant: string,
  step = 'process(canned: short text, capacity 280 (ample), apart)',
): Difference => ({ step, field, original, mutant });

describe('survivor classes', () => {
  it.each([
    ['outcome', 'returned 0', 'returned -1', 'rejects-accepted-input'],
    ['outcome', 'returned 0', 'returned -99', 'rejects-accepted-input'],
    ['outcome', 'returned -1', 'returned 0', 'accepts-rejected-input'],
    ['outcome', 'returned -3', 'returned -99', 'other-error-code'],
    ['outcome', 'returned 0', 'returned -3', 'asks-for-more-room'],
    ['outcome', 'returned 0', 'trapped (unreachable)', 'memory-fault-at-an-edge'],
    ['outcome', 'returned 0', 'hang', 'memory-fault-at-an-edge'],
    ['violations', 'none', 'wrote 1 byte past the output', 'memory-fault-at-an-edge'],
    ['output_len', '24', '23', 'different-output-length'],
    ['output', '24 bytes, byte 0 = 0x36', '24 bytes, byte 0 = 0x64', 'different-output-bytes'],
    ['text', 'echo v1', 'echo v2', 'different-plugin-name'],
    ['log', '[]', '["x"]', 'unexplained'],
    ['outcome', 'ok', 'failed init', 'unexplained'],
  ] as const)('%s %s → %s is %s', (field, original, mutant, id) => {
    expect(classifyDifference(difference(field, original, mutant)).id).toBe(id);
  });
});
