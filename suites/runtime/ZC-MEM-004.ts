import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { rolesOf } from '../../src/abi/call-shape.js';
import { guardedCall } from '../../src/abi/guarded-call.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { expandBytes } from '../../src/generators/seeded-bytes.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';
import { firstDifference } from '../../src/util/bytes-diff.js';

const HOST_PAGES = 32;
/** Inputs large enough that a plugin copying them into a heap buffer needs fresh heap. */
const INPUT_SIZES = [0, 1024, 64 * 1024, 512 * 1024];
const PATTERN = 0x5a;

/** The host's pages as it filled them: compared natively, 2 MiB after every call. */
let filled: Uint8Array | undefined;

function firstChangedByte(pages: Uint8Array): number {
  filled ??= new Uint8Array(HOST_PAGES * PAGE).fill(PATTERN);
  return firstDifference(pages, filled);
}

/**
 * Grows pages the way a host does before its first call, fills them, then calls `process`
 * with growing inputs (placed in pages grown later): a heap that claimed the first pages
 * writes its allocations into them.
 */
export default defineCheck('ZC-MEM-004', (ctx) => {
  if (ctx.exportState('alloc') === 'ok' && ctx.exportState('dealloc') === 'ok') {
    return notApplicable('exports `alloc`: the host takes its buffers from the plugin');
  }
  const setup = ctx.startPlugin();
  if (!setup.ok) return blocked(describeSetupFailure(setup));
  const plugin = setup.instance;
  let base: number;
  try {
    base = plugin.growForHost(HOST_PAGES) * PAGE;
  } catch {
    return blocked('memory cannot grow for the host (ZC-MEM-003)');
  }
  plugin.bytes().fill(PATTERN, base, base + HOST_PAGES * PAGE);
  const roles = rolesOf(ctx.spec, 'process');
  let calls = 0;
  for (const size of INPUT_SIZES) {
    if (plugin.poisoned) break; // a trap is ZC-CALL-002's failure
    const input = expandBytes(size, size + 1, true);
    const capacity = size * 4 + 256;
    guardedCall(plugin, {
      exportName: 'process',
      roles,
      input,
      outputBytes: capacity,
      cellValue: capacity,
      placement: DEFAULT_PLACEMENT,
    });
    calls++;
    const touched = firstChangedByte(plugin.bytes().subarray(base, base + HOST_PAGES * PAGE));
    if (touched === -1) continue;
    const at = base + touched;
    const found = `after process() with a ${size}-byte input, byte ${at} (page ${Math.floor(at / PAGE)}) of the host's pages ${base}..${base + HOST_PAGES * PAGE} changed`;
    return fail(found, [
      {
        expected: `the ${HOST_PAGES} pages the host grew at ${base} stay as the host filled them (or an \`alloc\` export)`,
        found: `${found}: the plugin's allocator took pages it did not grow (old wasi-libc malloc does); export alloc/dealloc`,
        where: 'process()',
        replay: ctx.replayCommand(),
        output: plugin.capture.snapshot(),
      },
    ]);
  }
  return pass(
    `${calls} calls with inputs up to ${INPUT_SIZES.at(-1)} bytes left the host's pages alone`,
  );
});
