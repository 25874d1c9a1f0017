import { describe, expect, it } from 'vitest';
import { parseSizeFormula } from '../../../src/abi/size-formula.js';
import type { StructSpec } from '../../../src/spec-model/abi-types.generated.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const resizeParams: StructSpec = new SpecIndex(loadSpec()).structsByName.get('ResizeParams')!;

describe('parseSizeFormula', () => {
  it.each([
    { text: 'src_width*src_height*3', fields: ['src_width', 'src_height'], constant: 3n },
    { text: 'dst_width * dst_height * 3', fields: ['dst_width', 'dst_height'], constant: 3n },
    { text: '2*src_width*4', fields: ['src_width'], constant: 8n },
    { text: '16', fields: [], constant: 16n },
    { text: 'src_width', fields: ['src_width'], constant: 1n },
  ])('$text: fields $fields, constant $constant', ({ text, fields, constant }) => {
    const formula = parseSizeFormula(text, resizeParams);
    expect(formula.text).toBe(text);
    expect(formula.factors).toEqual({ fields, constant });
  });

  it.each([
    { values: { src_width: 4, src_height: 2 }, expected: 24n },
    { values: { src_width: 0, src_height: 1000 }, expected: 0n },
    { values: { src_width: 7 }, expected: 0n }, // a missing field counts as 0
    // The true product, past 2^53 and 2^32: how a plugin's u32 arithmetic overflows.
    {
      values: { src_width: 0xffffffff, src_height: 0xffffffff },
      expected: 0xffffffffn * 0xffffffffn * 3n,
    },
  ])('evaluates $values exactly as $expected', ({ values, expected }) => {
    expect(parseSizeFormula('src_width*src_height*3', resizeParams).evaluate(values)).toBe(
      expected,
    );
  });

  it('refuses a name that is not a field of the struct, naming it', () => {
    expect(() => parseSizeFormula('src_width*depth*3', resizeParams)).toThrow(
      'size formula src_width*depth*3: depth is neither a number nor a ResizeParams field',
    );
  });

  it('takes any name without a struct', () => {
    const formula = parseSizeFormula('rows*cols');
    expect(formula.factors.fields).toEqual(['rows', 'cols']);
    expect(formula.evaluate({ rows: 3, cols: 5 })).toBe(15n);
  });
});
