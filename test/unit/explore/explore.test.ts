// Block coverage on the wasm toolkit, and the exploration loop: it finds inputs past a
// byte-by-byte header check, and what it keeps depends on the seed and the iteration count only.
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_EXPORT_PREFIX,
  CoverageMap,
  bitCount,
  instrumentCoverage,
} from '../../../src/explore/coverage.js';
import {
  MAX_ACCEPTED,
  MAX_TRAPPED,
  exploreLoop,
  type ExploreTarget,
} from '../../../src/explore/explore-loop.js';
import { exploreModule, type ExploreModuleOptions } from '../../../src/explore/explore-module.js';
import { headerPlugin } from '../../helpers/gated-plugins.js';
import { wat } from '../../helpers/wat.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const HEADER = Uint8Array.from([
  0x89, 0x5a, 0x4e, 0x48, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01, 0x02, 0x03, 0x76, 0x31, 0x2e, 0x30,
]);

// Branches on the first byte: 'a' and 'b' take their own blocks, a loop counts to the length.
const BRANCHY = wat(`(module
  (memory (export "memory") 1)
  (func (export "branch") (param $in i32) (param $len i32) (result i32)
    (local $i i32)
    (if (i32.eq (i32.load8_u (local.get $in)) (i32.const 97))
      (then (return (i32.const 1))))
    (if (i32.eq (i32.load8_u (local.get $in)) (i32.const 98))
      (then (return (i32.const 2)))
      (else (nop)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i)))`);

function instrumented(bytes: Uint8Array) {
  const result = instrumentCoverage(bytes);
  if (!result.ok) throw new Error(result.reason);
  const instance = new WebAssembly.Instance(
    new WebAssembly.Module(result.bytes as Uint8Array<ArrayBuffer>),
  );
  return { result, instance, globals: CoverageMap.globalsOf(instance.exports, result.words) };
}

describe('block coverage', () => {
  it('is a valid module that still does what it did, with one bit per block', () => {
    const { result, instance } = instrumented(BRANCHY);
    expect(WebAssembly.validate(result.bytes as Uint8Array<ArrayBuffer>)).toBe(true);
    // entry, then-arm, after-if, then-arm, else-arm, after-if, loop, after br_if, after loop end, after block end
    expect(result.blocks).toBeGreaterThanOrEqual(9);
    expect(result.words).toBe(Math.ceil(result.blocks / 32));
    const memory = new Uint8Array((instance.exports['memory'] as WebAssembly.Memory).buffer);
    const branch = instance.exports['branch'] as (input: number, length: number) => number;
    memory[0] = 97;
    expect(branch(0, 5)).toBe(1);
    memory[0] = 120;
    expect(branch(0, 5)).toBe(5);
    expect(
      Object.keys(instance.exports).filter((name) => name.startsWith(COVERAGE_EXPORT_PREFIX)),
    ).toHaveLength(result.words);
  });

  it('counts the blocks a call reaches for the first time, and clears them for the next', () => {
    const { result, instance, globals } = instrumented(BRANCHY);
    const memory = new Uint8Array((instance.exports['memory'] as WebAssembly.Memory).buffer);
    const branch = instance.exports['branch'] as (input: number, length: number) => number;
    const map = new CoverageMap(result.words);
    memory[0] = 97;
    branch(0, 3);
    const first = map.collect(globals);
    expect(first).toBe(2); // entry and the first then-arm
    branch(0, 3);
    expect(map.collect(globals)).toBe(0);
    memory[0] = 98;
    branch(0, 3);
    expect(map.collect(globals)).toBe(2); // after the first if, the second then-arm
    memory[0] = 120;
    branch(0, 3);
    expect(map.collect(globals)).toBeGreaterThanOrEqual(4);
    expect(map.reached).toBe(map.seen.reduce((sum, word) => sum + bitCount(word), 0));
    expect(globals.every((global) => global.value === 0)).toBe(true);
  });

  it('refuses a module it cannot read, saying why', () => {
    const result = instrumentCoverage(Uint8Array.of(0, 0x61, 0x73, 0x6d, 2, 0, 0, 0));
    expect(result.ok).toBe(false);
  });
});

describe('the exploration loop', () => {
  /** A target that rewards each leading 'z': one new block per extra z. */
  const zTarget = (): ExploreTarget & { best: number } => {
    const target = {
      best: 0,
      run(input: Uint8Array) {
        let zs = 0;
        while (input[zs] === 0x7a) zs++;
        const fresh = Math.max(0, zs - target.best);
        target.best = Math.max(target.best, zs);
        return { fresh };
      },
    };
    return target;
  };
  const options = {
    seed: 5,
    maxInputBytes: 1 << 20,
    whitespace: [0x20],
    dictionary: [Uint8Array.of(0x7a)],
    samples: [],
  };

  it('climbs a gradient of new blocks and keeps each step', () => {
    const target = zTarget();
    const result = exploreLoop(target, { ...options, budget: { iterations: 5000 } });
    expect(result.iterations).toBe(5000);
    expect(target.best).toBeGreaterThanOrEqual(16);
    expect(result.kept.length).toBeGreaterThan(0);
  });

  it('keeps the same inputs for the same seed and iterations, whatever the clock says', () => {
    const timed = exploreLoop(zTarget(), { ...options, budget: { timeMs: 50 } });
    const counted = exploreLoop(zTarget(), {
      ...options,
      budget: { iterations: timed.iterations },
    });
    expect(counted.kept).toEqual(timed.kept);
    const other = exploreLoop(zTarget(), { ...options, seed: 6, budget: { iterations: 3000 } });
    const again = exploreLoop(zTarget(), { ...options, seed: 6, budget: { iterations: 3000 } });
    expect(again.kept).toEqual(other.kept);
  });

  /** zTarget, accepting only inputs that start with 'z': a narrow format. */
  const acceptsZ = (): ExploreTarget => {
    const z = zTarget();
    return {
      run: (input, iteration) => ({ ...z.run(input, iteration), accepted: input[0] === 0x7a }),
    };
  };

  it('remembers accepted inputs: those that reached new blocks first, then one per new length', () => {
    const result = exploreLoop(acceptsZ(), { ...options, budget: { iterations: 3000 } });
    const { accepted } = result;
    expect(accepted.length).toBeGreaterThan(1);
    expect(accepted.length).toBeLessThanOrEqual(MAX_ACCEPTED);
    expect(accepted.every((input) => input[0] === 0x7a)).toBe(true);
    // The first ones are kept inputs (new blocks), in the order found.
    const keptAccepted = result.kept.filter((input) => input[0] === 0x7a);
    expect(accepted.slice(0, keptAccepted.length)).toEqual(keptAccepted.slice(0, MAX_ACCEPTED));
    const rest = accepted.slice(keptAccepted.length).map((input) => input.length);
    expect(new Set(rest).size).toBe(rest.length);
    const again = exploreLoop(acceptsZ(), { ...options, budget: { iterations: 3000 } });
    expect(again.accepted).toEqual(accepted);
  });

  it('remembers the inputs that trapped and reached new blocks, at most MAX_TRAPPED', () => {
    const z = zTarget();
    const result = exploreLoop(
      { run: (input, iteration) => ({ ...z.run(input, iteration), trapped: input[0] === 0x7a }) },
      { ...options, budget: { iterations: 3000 } },
    );
    expect(result.trapped.length).toBeGreaterThan(0);
    expect(result.trapped.length).toBeLessThanOrEqual(MAX_TRAPPED);
    expect(result.trapped.every((input) => input[0] === 0x7a)).toBe(true);
    expect(result.kept).toEqual(expect.arrayContaining(result.trapped));
  });

  it('meets a text header that says how much data follows ("P5 w h max\\n", then w * h bytes)', () => {
    // A PGM reader: one new block per header field parsed, one for data of the right size;
    // width and height from 3 up, so the data is never empty.
    const reached = new Set<number>();
    const header = /^P5[ \n](\d{1,3})[ \n](\d{1,3})[ \n](\d{1,3})[ \n]/;
    const stages = [
      /^P5/,
      /^P5[ \n]\d/,
      /^P5[ \n]\d+[ \n]\d/,
      /^P5[ \n]\d+[ \n]\d+[ \n]\d/,
      header,
    ];
    const pgm: ExploreTarget = {
      run(input) {
        const text = Buffer.from(input).toString('latin1');
        let stage = stages.filter((pattern) => pattern.test(text)).length;
        const match = header.exec(text);
        const [width, height] = [Number(match?.[1]), Number(match?.[2])];
        const accepted =
          match !== null &&
          width >= 3 &&
          height >= 3 &&
          input.length - match[0].length === width * height;
        if (accepted) stage++;
        const before = reached.size;
        for (let i = 1; i <= stage; i++) reached.add(i);
        return { fresh: reached.size - before, accepted };
      },
    };
    const result = exploreLoop(pgm, {
      ...options,
      dictionary: [utf8('P5')],
      budget: { iterations: 3000 },
    });
    expect(result.accepted.length).toBeGreaterThan(0);
  });

  it('ends at a host stop with the input that caused it', () => {
    let calls = 0;
    const result = exploreLoop(
      {
        run: (input) =>
          ++calls === 10 ? { fresh: 0, stopped: `stop on ${input.length}` } : { fresh: 0 },
      },
      { ...options, budget: { iterations: 100 } },
    );
    expect(result.iterations).toBe(10);
    expect(result.stopped).toMatch(/^stop on/);
    expect(result.kept).toHaveLength(1);
  });
});

describe('exploring a module', () => {
  const moduleOptions = (iterations: number): ExploreModuleOptions => ({
    seed: 42,
    budget: { iterations },
    maxInputBytes: 1 << 20,
    maxMemoryBytes: 64 << 20,
    maxLogBytesPerCall: 1 << 16,
    whitespace: [0x20, 0x0a],
    samples: [],
  });
  const bytes = wat(headerPlugin(HEADER));
  const startsWithHeader = (input: Uint8Array): boolean =>
    input.length >= HEADER.length && HEADER.every((byte, index) => input[index] === byte);

  it('gets past a 16-byte header compared byte by byte, one new block per byte', async () => {
    const result = await exploreModule(bytes, moduleOptions(20_000));
    expect(result.kept.some(startsWithHeader)).toBe(true);
    // The plugin accepts only inputs past its header; exploration saw some.
    expect(result.accepted.length).toBeGreaterThan(0);
    expect(result.accepted.every(startsWithHeader)).toBe(true);
    expect(result.blocksReached).toBeGreaterThan(HEADER.length);
    expect(result.blocksReached).toBeLessThanOrEqual(result.blocks);
    expect(result.stopped).toBeUndefined();
  });

  it('is deterministic for a seed and a number of iterations', async () => {
    const first = await exploreModule(bytes, moduleOptions(3000));
    const second = await exploreModule(bytes, moduleOptions(3000));
    expect(second.kept).toEqual(first.kept);
    expect(second.blocksReached).toBe(first.blocksReached);
  });

  it('ends after 64 traps in a row instead of paying a fresh instance for every call', async () => {
    const trapsAlways = wat(`(module
      (memory (export "memory") 1)
      (data (i32.const 16) "traps v1.0.0\\00")
      (func (export "plugin_info") (result i32) (i32.const 16))
      (func (export "process") (param i32 i32 i32 i32) (result i32) unreachable))`);
    const result = await exploreModule(trapsAlways, moduleOptions(3000));
    expect(result.iterations).toBe(64);
    expect(result.stopped).toMatch(/trapped on 64 explored inputs in a row/);
  });
});
