import fc from 'fast-check';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import type { CheckContext } from '../../src/check/context.js';
import { notApplicable, type CheckOutcome } from '../../src/check/define-check.js';
import type { CallOutcome, PluginInstance } from '../../src/host/plugin-instance.js';
import type { CaseEnvironment } from '../../src/property/arbitraries/call-case.js';
import { checkCallProperty, OK, type CaseVerdict } from '../../src/property/call-property.js';
import { describeBytes } from '../../src/util/bytes-text.js';
import { firstDifference } from '../../src/util/bytes-diff.js';
import { repeatBytes } from '../../src/util/repeat-bytes.js';
import { readModuleInfo } from '../../src/wasm/module-info.js';
import { MAX_PAGES, WASM_PAGE_BYTES } from '../../src/wasm/page.js';
import { describeOutcome, hex } from './describe.js';

/**
 * The allocator as the host uses it, as a model-based test: random sequences of allocations
 * (empty, as for an empty input, and tiny to the size of the host's largest buffers), frees in
 * any order and calls to `process` in between, with the host writing a pattern into every block
 * it holds and checking them all after every step. Each ALLOC rule runs the same model and
 * judges only its own invariant.
 *
 * alloc(0) may return anything (ZC-ALLOC-005): 0, a dangling pointer, a real block. The host
 * never reads or writes through it and hands it back to dealloc(ptr, 0), so a zero-size block
 * owns no bytes: it cannot overlap anything, nor be misaligned or out of bounds. What it can do
 * is corrupt the allocator, which shows as a later block overlapping another live one.
 */
export type AllocCommand =
  | { kind: 'alloc'; size: number }
  /** A size its memory can never hold beside the module: its maximum (or 4 GiB - 1). */
  | { kind: 'alloc-beyond' }
  | { kind: 'free'; which: FreeChoice }
  | { kind: 'process'; input: Uint8Array };

/** Which live block a free gives back: the one allocated first, or last, or any (an index). */
export type FreeChoice = 'oldest' | 'newest' | number;

export type AllocInvariant = 'usable' | 'disjoint' | 'aligned';

interface Block {
  ptr: number;
  size: number;
  id: number;
}

const patternByte = (id: number, offset: number): number => (id * 131 + offset * 7 + 1) & 0xff;

// Every live block is checked after every step: its pattern is built once and compared
// natively (blocks reach the size of the host's largest buffers).
const patterns = new WeakMap<Block, Uint8Array>();

function patternOf(block: Block): Uint8Array {
  let pattern = patterns.get(block);
  if (!pattern) {
    // The pattern repeats every 256 bytes.
    const period = Uint8Array.from({ length: Math.min(256, block.size) }, (_, i) =>
      patternByte(block.id, i),
    );
    pattern = repeatBytes(period, block.size);
    patterns.set(block, pattern);
  }
  return pattern;
}

function fillBlock(plugin: PluginInstance, block: Block): void {
  plugin.bytes().set(patternOf(block), block.ptr);
}

/** The first byte of a block that no longer holds the host's pattern, or -1. */
function damaged(plugin: PluginInstance, block: Block): number {
  const pattern = patternOf(block);
  return firstDifference(plugin.bytes().subarray(block.ptr, block.ptr + block.size), pattern);
}

export function allocCommandsArbitrary(env: CaseEnvironment): fc.Arbitrary<AllocCommand[]> {
  const largest = Math.max(4096, 3 * env.maxInputBytes + 1024);
  const size = fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 16 }) },
    { weight: 4, arbitrary: fc.integer({ min: 17, max: 4096 }) },
    { weight: 2, arbitrary: fc.integer({ min: 4097, max: 256 * 1024 }) },
    { weight: 1, arbitrary: fc.integer({ min: 256 * 1024 + 1, max: largest }) },
    // Within 16 bytes of a whole number of pages: an allocator that grows memory by the
    // pages a size needs and then adds a header ends its block past the memory it grew.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: -16, max: 16 }))
        .map(([pages, delta]) => Math.min(largest, pages * 65536 + delta)),
    },
  );
  return fc.array(
    fc.oneof(
      { weight: 5, arbitrary: size.map((bytes) => ({ kind: 'alloc' as const, size: bytes })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'alloc-beyond' as const }) },
      {
        weight: 3,
        arbitrary: fc
          .oneof(fc.constant('oldest' as const), fc.constant('newest' as const), fc.nat())
          .map((which) => ({ kind: 'free' as const, which })),
      },
      {
        weight: 2,
        arbitrary: fc
          .uint8Array({ maxLength: 64 })
          .map((input) => ({ kind: 'process' as const, input })),
      },
    ),
    { minLength: 1, maxLength: 16 },
  );
}

/**
 * Sequences every run starts with. An allocator that hands out the heap top for alloc(0) without
 * reserving it and files it as a free block on dealloc(ptr, 0) gives the next two small blocks
 * the same bytes, or the next small one bytes of a block allocated after alloc(0); one that
 * grows whole pages for a big block and puts a header first ends a one-page block past memory.
 */
export const ALLOC_EXAMPLES: readonly AllocCommand[][] = [
  [
    { kind: 'alloc', size: 0 },
    { kind: 'free', which: 'newest' },
    { kind: 'alloc', size: 8 },
    { kind: 'alloc', size: 8 },
  ],
  [
    { kind: 'alloc', size: 0 },
    { kind: 'alloc', size: 64 },
    { kind: 'free', which: 'oldest' },
    { kind: 'alloc', size: 8 },
  ],
  // A page exactly, then more than a page: a block at the end of the memory it grew.
  [
    { kind: 'alloc', size: 65536 },
    { kind: 'alloc', size: 100000 },
  ],
  // More than memory can ever hold, then small blocks: an allocator that ignores
  // memory.grow's -1 hands out a block past memory, or moves its top there for the next.
  [{ kind: 'alloc-beyond' }, { kind: 'alloc', size: 16 }, { kind: 'alloc', size: 16 }],
];

const describeFree = (which: FreeChoice): string =>
  typeof which === 'number' ? `block #${which}` : `${which} block`;

export function describeCommands(commands: readonly AllocCommand[]): string {
  return commands
    .map((command) =>
      command.kind === 'alloc'
        ? `alloc(${command.size})`
        : command.kind === 'alloc-beyond'
          ? 'alloc(as much as its memory can ever hold)'
          : command.kind === 'free'
            ? `dealloc(${describeFree(command.which)})`
            : `process(${describeBytes(command.input)})`,
    )
    .join(', ');
}

/** The index in `live` (oldest first) of the block a free gives back. */
export function freeIndex(which: FreeChoice, liveCount: number): number {
  if (which === 'oldest') return 0;
  if (which === 'newest') return liveCount - 1;
  return which % liveCount;
}

const failure = (outcome: CallOutcome): string =>
  outcome.kind === 'returned' ? `returned ${outcome.value}` : describeOutcome('', outcome);

/** Runs one command sequence and judges the one invariant the rule is about. */
function runModel(
  plugin: PluginInstance,
  shape: CallShape,
  commands: readonly AllocCommand[],
  invariant: AllocInvariant,
  env: CaseEnvironment,
  ceilingBytes: number,
): CaseVerdict {
  const live: Block[] = [];
  let nextId = 1;
  const steps: string[] = [];
  // A plugin may refuse once the memory it may still grow to cannot hold what was asked: a
  // declared maximum is a choice, and fragmentation is not a bug. Every size asked so far
  // counts (freed or not), against half the room left, so even a bump allocator is in bounds.
  const room = Math.max(0, ceilingBytes - plugin.memoryBytes);
  let asked = 0;
  for (const command of commands) {
    if (command.kind === 'alloc' && command.size === 0) {
      const outcome = plugin.callAsHost('alloc', [0]);
      steps.push('alloc(0)');
      if (outcome.kind !== 'returned') {
        return { kind: 'inconclusive', why: 'alloc(0) did not return (ZC-ALLOC-005)' };
      }
      live.push({ ptr: (outcome.value ?? 0) >>> 0, size: 0, id: nextId++ });
    } else if (command.kind === 'alloc-beyond') {
      // As large as the memory can ever be: no block of it fits beside address 0. Not
      // counted in `asked`: refusing is the answer, and leaves the room as it was.
      const size = Math.min(0xffffffff, ceilingBytes);
      const outcome = plugin.callAsHost('alloc', [size]);
      steps.push(`alloc(${size})`);
      // A trap is ZC-ALLOC-006's (a should): this model judges only a block that cannot exist.
      if (outcome.kind !== 'returned') return { kind: 'inconclusive', why: 'alloc did not return' };
      const ptr = (outcome.value ?? 0) >>> 0;
      if (ptr !== 0 && invariant === 'usable') {
        return {
          kind: 'violation',
          expected: `alloc(${size}), as much as its memory can ever hold, returns 0`,
          found: `after ${steps.join(', ')}: it returned ${hex(ptr)}, a block ending at ${ptr + size}, past memory (${plugin.memoryBytes} bytes, at most ${ceilingBytes})`,
        };
      }
      if (ptr !== 0) return { kind: 'inconclusive', why: 'alloc gave a block that cannot exist' };
    } else if (command.kind === 'alloc') {
      asked += command.size;
      const outcome = plugin.callAsHost('alloc', [command.size]);
      steps.push(`alloc(${command.size})`);
      const mayRefuse = asked > room / 2;
      // Refused because `alloc` was stopped earlier in the run (its owner judges that), unlike a
      // refusal after a trap in this case's own calls, which is this allocator's failure.
      const refusedByRun = outcome.kind === 'blocked' && !plugin.poisoned;
      if (outcome.kind !== 'returned') {
        return invariant === 'usable' && !mayRefuse && !refusedByRun
          ? {
              kind: 'violation',
              expected: `alloc(${command.size}) returns a block`,
              found: `after ${steps.join(', ')}: alloc(${command.size}) ${failure(outcome)}`,
            }
          : { kind: 'inconclusive', why: 'alloc did not return' };
      }
      const ptr = (outcome.value ?? 0) >>> 0;
      if (ptr === 0 && mayRefuse) {
        return {
          kind: 'inconclusive',
          why: 'alloc refused more than its memory maximum leaves room for',
          allowed: true,
        };
      }
      if (ptr === 0 || ptr + command.size > plugin.memoryBytes) {
        if (invariant !== 'usable') return { kind: 'inconclusive', why: 'alloc gave no block' };
        return {
          kind: 'violation',
          expected: `alloc(${command.size}) returns a non-null block inside memory (${plugin.memoryBytes} bytes)`,
          found: `after ${steps.join(', ')}: it returned ${hex(ptr)}${ptr === 0 ? ' (null)' : `, a block ending at ${ptr + command.size}, past memory`}`,
        };
      }
      if (invariant === 'aligned' && ptr % 8 !== 0) {
        return {
          kind: 'violation',
          expected: `alloc(${command.size}) returns an 8-aligned block`,
          found: `after ${steps.join(', ')}: it returned ${hex(ptr)} (${ptr % 8} past an 8-byte boundary)`,
        };
      }
      const block = { ptr, size: command.size, id: nextId++ };
      const overlap = live.find(
        (other) => other.size > 0 && ptr < other.ptr + other.size && other.ptr < ptr + block.size,
      );
      if (overlap && invariant === 'disjoint') {
        return {
          kind: 'violation',
          expected: 'every block alloc returns is disjoint from the blocks still live',
          found: `after ${steps.join(', ')}: [${hex(ptr)}, ${hex(ptr + block.size)}) overlaps the live block [${hex(overlap.ptr)}, ${hex(overlap.ptr + overlap.size)}) from alloc(${overlap.size})`,
        };
      }
      fillBlock(plugin, block);
      live.push(block);
    } else if (command.kind === 'free') {
      if (live.length === 0) continue;
      const [block] = live.splice(freeIndex(command.which, live.length), 1) as [Block];
      const outcome = plugin.callAsHost('dealloc', [block.ptr, block.size]);
      steps.push(`dealloc(${hex(block.ptr)}, ${block.size})`);
      if (outcome.kind !== 'returned')
        return { kind: 'inconclusive', why: 'dealloc did not return' };
    } else {
      const run = runCallCase(
        plugin,
        shape,
        { input: command.input, placement: DEFAULT_PLACEMENT, capacity: { kind: 'ample' } },
        env.maxInputBytes,
      );
      steps.push('process(…)');
      if (run.main.outcome.kind !== 'returned')
        return { kind: 'inconclusive', why: 'process did not return' };
    }
    if (invariant !== 'disjoint') continue;
    for (const block of live) {
      const at = damaged(plugin, block);
      if (at === -1) continue;
      return {
        kind: 'violation',
        expected: 'a live block keeps the bytes the host wrote into it until it is freed',
        found: `after ${steps.join(', ')}: byte ${at} of the block at ${hex(block.ptr)} from alloc(${block.size}) changed`,
      };
    }
  }
  return OK;
}

/** What the exported memory may grow to: its declared maximum, else the 4 GiB of wasm32. */
function memoryCeilingBytes(bytes: Uint8Array): number {
  const memory = readModuleInfo(bytes).exports.find((entry) => entry.kind === 'memory');
  const pages = memory?.memory?.maximumPages ?? MAX_PAGES;
  return pages * WASM_PAGE_BYTES;
}

/** An ALLOC rule: the model over the plugin's allocator, judged for one invariant. */
export function checkAllocator(ctx: CheckContext, invariant: AllocInvariant): CheckOutcome {
  if (ctx.exportState('alloc') !== 'ok' || ctx.exportState('dealloc') !== 'ok') {
    return notApplicable('`alloc` and `dealloc` are not exported: the host grows its own pages');
  }
  const ceiling = memoryCeilingBytes(ctx.bytes);
  return checkCallProperty<AllocCommand[]>(ctx, {
    appliesTo: (shape) => shape.exportName === 'process',
    census: false,
    arbitrary: (_shape, env) => allocCommandsArbitrary(env),
    examples: () => ALLOC_EXAMPLES.map((commands) => [...commands]),
    check: (session, shape, commands, env) =>
      runModel(session.fresh(), shape, commands, invariant, env, ceiling),
    describe: (_shape, commands) => describeCommands(commands),
  });
}
