import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase } from '../../src/abi/call-case.js';
import { callShapeOf } from '../../src/abi/call-shape.js';
import { readPluginInfo } from '../../src/abi/plugin-info.js';
import { blocked, defineCheck, fail, pass } from '../../src/check/define-check.js';
import { CANNED_INPUTS } from '../../src/check/canned-exercise.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { expandBytes } from '../../src/generators/seeded-bytes.js';
import { hexPreview } from '../../src/util/bytes-text.js';
import { readDataSegments } from '../../src/wasm/data-segments.js';
import { hex } from '../_internals/describe.js';

/** Inputs that make a plugin use its statics, stack and heap: the canned ones and two large. */
const CANNED = CANNED_INPUTS.map((input) => input.bytes);
const LARGE = [expandBytes(64 * 1024, 7, true), expandBytes(512 * 1024, 9, false)];

/** Where the NUL is, in words: inside the string's data segment, or in memory after it. */
function nulPlace(bytes: Uint8Array, address: number, length: number): string {
  let segments;
  try {
    segments = readDataSegments(bytes);
  } catch {
    return '';
  }
  const nul = address + length;
  const holder = segments.find(
    (segment) =>
      segment.mode === 'active' &&
      segment.offset !== undefined &&
      address >= segment.offset &&
      address < segment.offset + segment.bytes.length,
  );
  if (!holder) return ' (the string is built at run time)';
  return nul < holder.offset! + holder.bytes.length
    ? ` (its NUL at ${hex(nul)} is in data segment ${holder.index})`
    : ` (its NUL at ${hex(nul)} is past the end of data segment ${holder.index}: it was only the zero memory after the segment)`;
}

// Read the string, let the plugin run (process on inputs that use its statics, stack and heap),
// and read it again at the same address and through plugin_info: a string whose NUL is not its
// own changes once the plugin writes what lies after it.
export default defineCheck('ZC-INFO-004', (ctx) => {
  const setup = ctx.startPlugin();
  if (!setup.ok) return blocked(describeSetupFailure(setup));
  const plugin = setup.instance;
  const before = readPluginInfo(plugin, ctx.spec);
  if (!before.ok) return blocked(`plugin_info could not be read (ZC-INFO-001): ${before.found}`);
  const shape = callShapeOf(ctx.spec, 'process');
  // And the spec's edge inputs that name this rule (many short lines, past a fixed line table),
  // before the large ones: a plugin that grows memory for a table and takes the page number it
  // got for an address writes over its own statics only while memory is still small.
  const edges = ctx.spec
    .edgeInputs()
    .filter((edge) => edge.rules?.includes(ctx.rule.id))
    .map((edge) => edge.bytes);
  const workout = [...CANNED, ...edges, ...LARGE];
  for (const input of workout) {
    if (plugin.poisoned) break; // a trap is ZC-CALL-002's
    runCallCase(
      plugin,
      shape,
      { input, placement: DEFAULT_PLACEMENT, capacity: { kind: 'exact' } },
      ctx.limits.maxInputBytes,
    );
  }
  if (plugin.poisoned)
    return blocked(
      'a call to `process` trapped before the string could be read again (ZC-CALL-002)',
    );
  const atSameAddress = plugin.readCString(before.address, before.bytes);
  const after = readPluginInfo(plugin, ctx.spec);
  const sameText = (text: string | undefined): boolean => text === before.text;
  const reread = atSameAddress.ok ? new TextDecoder().decode(atSameAddress.bytes) : undefined;
  if (after.ok && sameText(after.text) && sameText(reread)) {
    return pass(
      `${JSON.stringify(before.text)} is the same after ${workout.length} calls to \`process\`${nulPlace(ctx.bytes, before.address, before.bytes - 1)}`,
    );
  }
  const memory = plugin.bytes().subarray(before.address, before.address + before.bytes + 8);
  const found = `after ${workout.length} calls to \`process\` the string at ${hex(before.address)} reads ${after.ok ? JSON.stringify(after.text) : `as nothing: ${after.found}`} (the bytes there now: ${hexPreview(memory, 40)})${nulPlace(ctx.bytes, before.address, before.bytes - 1)}`;
  return fail(found, [
    {
      expected: `plugin_info's ${JSON.stringify(before.text)} NUL-terminated in memory the plugin does not write (end the text with \\0: b"name v1.0.0\\0" in Rust; no fixed array length in C)`,
      found,
      where: `plugin_info() -> ${hex(before.address)}`,
      replay: ctx.replayCommand(),
    },
  ]);
});
