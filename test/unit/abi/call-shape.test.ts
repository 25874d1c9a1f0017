import { describe, expect, it } from 'vitest';
import {
  callShapeOf,
  callableExports,
  hasCapacityCell,
  rolesOf,
} from '../../../src/abi/call-shape.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const spec = new SpecIndex(loadSpec());

describe('callShapeOf', () => {
  it('process: a capacity-cell export of bytes, four roles in call order', () => {
    const shape = callShapeOf(spec, 'process');
    expect(shape).toEqual({
      exportName: 'process',
      roles: ['input-ptr', 'input-len', 'output-ptr', 'output-len-cell'],
      sizing: 'capacity-cell',
      elementBytes: 1,
    });
    expect(hasCapacityCell(shape)).toBe(true);
  });

  it('tokenize: a capacity-cell export of u32 ids', () => {
    const shape = callShapeOf(spec, 'tokenize');
    expect(shape.sizing).toBe('capacity-cell');
    expect(shape.elementBytes).toBe(4);
    expect(shape.params).toBeUndefined();
  });

  it('resize_image: sizes derived from the ResizeParams struct', () => {
    const shape = callShapeOf(spec, 'resize_image');
    expect(shape.roles).toEqual(['input-ptr', 'params-ptr', 'output-ptr']);
    expect(shape.sizing).toBe('derived-from-params');
    expect(hasCapacityCell(shape)).toBe(false);
    expect(shape.params?.struct.name).toBe('ResizeParams');
    expect(shape.params?.inputSize.factors).toEqual({
      fields: ['src_width', 'src_height'],
      constant: 3n,
    });
    const fields = { src_width: 4, src_height: 3, dst_width: 2, dst_height: 5 };
    expect(shape.params?.inputSize.evaluate(fields)).toBe(36n);
    expect(shape.params?.outputSize.evaluate(fields)).toBe(30n);
  });

  it.each([
    { name: 'plugin_info', message: 'spec export plugin_info has no output description' },
    { name: 'alloc', message: 'spec export alloc has no output description' },
    { name: 'no_such_export', message: 'no export no_such_export in the spec' },
  ])('throws for $name', ({ name, message }) => {
    expect(() => callShapeOf(spec, name)).toThrow(message);
  });
});

describe('callableExports', () => {
  it('lists the function exports with an output, in spec order', () => {
    expect(callableExports(spec)).toEqual(['process', 'tokenize', 'resize_image']);
  });

  it('gives a call shape for every one of them', () => {
    for (const name of callableExports(spec)) expect(callShapeOf(spec, name).exportName).toBe(name);
  });
});

describe('rolesOf', () => {
  it.each([
    { name: 'process', roles: ['input-ptr', 'input-len', 'output-ptr', 'output-len-cell'] },
    { name: 'plugin_info', roles: [] },
    { name: 'memory', roles: [] },
    { name: 'alloc', roles: ['alloc-size'] },
    { name: 'dealloc', roles: ['dealloc-ptr', 'dealloc-size'] },
  ])('$name -> $roles', ({ name, roles }) => {
    expect(rolesOf(spec, name)).toEqual(roles);
  });
});
