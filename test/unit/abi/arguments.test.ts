import { describe, expect, it } from 'vitest';
import { argumentsFor, type BufferAddresses } from '../../../src/abi/arguments.js';
import type { ParamRole } from '../../../src/spec-model/abi-types.generated.js';

const AT: BufferAddresses = { input: 0x1000, output: 0x2000, cell: 0x3000, params: 0x4000 };

describe('argumentsFor', () => {
  it.each<{ roles: ParamRole[]; expected: number[] }>([
    {
      roles: ['input-ptr', 'input-len', 'output-ptr', 'output-len-cell'],
      expected: [0x1000, 42, 0x2000, 0x3000],
    },
    { roles: ['input-ptr', 'params-ptr', 'output-ptr'], expected: [0x1000, 0x4000, 0x2000] },
    { roles: ['output-len-cell', 'input-len'], expected: [0x3000, 42] },
    { roles: [], expected: [] },
  ])('$roles -> $expected', ({ roles, expected }) => {
    expect(argumentsFor(roles, AT, 42)).toEqual(expected);
  });

  it.each<ParamRole>(['alloc-size', 'dealloc-ptr', 'dealloc-size', 'log-ptr', 'log-len'])(
    'throws for %s, which no host buffer fills',
    (role) => {
      expect(() => argumentsFor(['input-ptr', role], AT, 1)).toThrow(
        `no host buffer fills a parameter with role ${role}`,
      );
    },
  );
});
