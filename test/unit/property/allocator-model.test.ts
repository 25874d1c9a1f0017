import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEnvironment } from '../../../src/property/arbitraries/call-case.js';
import {
  ALLOC_EXAMPLES,
  allocCommandsArbitrary,
  describeCommands,
  freeIndex,
  type AllocCommand,
} from '../../../suites/_internals/allocator.js';

const env = { maxInputBytes: 1024 * 1024 } as CaseEnvironment;
const commands: AllocCommand[] = fc
  .sample(allocCommandsArbitrary(env), { numRuns: 300, seed: 42 })
  .flat();

describe('the allocator model (ZC-ALLOC-001..003)', () => {
  it('asks for empty blocks among the others, as the host does for an empty input', () => {
    const sizes = commands.flatMap((command) => (command.kind === 'alloc' ? [command.size] : []));
    expect(sizes).toContain(0);
    expect(sizes.some((size) => size > 0 && size <= 16)).toBe(true);
    expect(sizes.some((size) => size > 4096)).toBe(true);
  });

  it('frees the oldest block, the newest, and any other', () => {
    const picks = new Set(
      commands.flatMap((command) =>
        command.kind === 'free'
          ? [typeof command.which === 'number' ? 'index' : command.which]
          : [],
      ),
    );
    expect([...picks].sort()).toEqual(['index', 'newest', 'oldest']);
  });

  it('maps each free to a live block', () => {
    expect(freeIndex('oldest', 3)).toBe(0);
    expect(freeIndex('newest', 3)).toBe(2);
    expect(freeIndex(7, 3)).toBe(1);
    expect(freeIndex('newest', 1)).toBe(0);
  });

  it('starts every run with alloc(0) handed back before small blocks, a page and more, and more than memory holds', () => {
    expect(ALLOC_EXAMPLES.map(describeCommands)).toEqual([
      'alloc(0), dealloc(newest block), alloc(8), alloc(8)',
      'alloc(0), alloc(64), dealloc(oldest block), alloc(8)',
      'alloc(65536), alloc(100000)',
      'alloc(as much as its memory can ever hold), alloc(16), alloc(16)',
    ]);
  });

  it('asks for more than memory can hold among the generated commands too', () => {
    expect(commands.some((command) => command.kind === 'alloc-beyond')).toBe(true);
  });
});
