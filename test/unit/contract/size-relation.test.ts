import { describe, expect, it } from 'vitest';
import { obeys, parseSizeRelation, sizeBound } from '../../../src/contract/size-relation.js';
import { UsageError } from '../../../src/util/errors.js';

describe('a declared size relation', () => {
  it.each([
    ['output <= 2 * input + 16', '<=', 2, 16],
    ['output == input', '==', 1, 0],
    ['output = 2 * input', '==', 2, 0],
    ['output >= 0.5 * input - 3', '>=', 0.5, -3],
    ['output <= 64', '<=', 0, 64],
  ])('%s parses', (text, relation, factor, offset) => {
    expect(parseSizeRelation(text, 'here')).toMatchObject({ relation, factor, offset });
  });

  it.each(['input <= output', 'output < input', 'output <= 2 *', 'output <= input * 2', ''])(
    '%j is refused with the grammar in the message',
    (text) => {
      expect(() => parseSizeRelation(text, 'cfg: properties.size')).toThrow(UsageError);
      expect(() => parseSizeRelation(text, 'cfg: properties.size')).toThrow(
        /cfg: properties\.size: size .* output <= a \* input \+ b/,
      );
    },
  );

  it('judges lengths against the bound, rounding the bound down', () => {
    const relation = parseSizeRelation('output <= 1.5 * input + 1', 'here');
    expect(sizeBound(relation, 3)).toBe(5);
    expect(obeys(relation, 3, 5)).toBe(true);
    expect(obeys(relation, 3, 6)).toBe(false);
    const exact = parseSizeRelation('output == 2 * input', 'here');
    expect(obeys(exact, 4, 8)).toBe(true);
    expect(obeys(exact, 4, 9)).toBe(false);
    expect(obeys(parseSizeRelation('output >= input', 'here'), 4, 3)).toBe(false);
  });
});
