import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import { GUARD_BYTES } from '../../src/abi/buffer-layout.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';

export default defineCheck('ZC-MEM-003', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  if (ctx.exportState('alloc') === 'ok' && ctx.exportState('dealloc') === 'ok') {
    return pass('exports `alloc`: the host takes its buffers from it');
  }
  const limits = ctx.compiled.info.exports.find((entry) => entry.name === 'memory')?.memory;
  if (!limits) throw new Error('gated on ZC-MEM-001');
  if (limits.maximumPages === undefined) return pass('no memory maximum: the host can grow pages');
  const maxInput = ctx.limits.maxInputBytes;
  // An input and an output of the largest size, with guards: what the host must be able to place.
  const neededPages = Math.ceil((2 * maxInput + 16 * GUARD_BYTES) / PAGE);
  const room = limits.maximumPages - limits.initialPages;
  if (room >= neededPages) {
    return pass(`room to grow ${room} pages for host buffers (needs ${neededPages})`);
  }
  const found = `maximum ${limits.maximumPages} pages with ${limits.initialPages} initial leaves room for ${room}`;
  return fail(`the memory maximum leaves no room for host buffers: ${found}`, [
    {
      expected: `room to grow at least ${neededPages} pages (two buffers of maxInputBytes=${maxInput}), or \`alloc\`/\`dealloc\` exports`,
      found,
      where: 'export memory',
    },
  ]);
});
