import type { DataSegment } from '../wasm/data-segments.js';
import { decodeFunctionBody } from '../wasm/instructions.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import { readCodeEntries, SectionId, splitSections } from '../wasm/sections.js';
import type { StaticPluginInfo } from './inspect-types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const MAX_DEPTH = 3;
const MAX_FUNCTIONS = 16;

/** The NUL-terminated UTF-8 string at `address` in the constant-offset data, if there is one. */
function stringAt(
  segments: readonly DataSegment[],
  address: number,
  maxBytes: number,
): string | undefined {
  for (const segment of segments) {
    if (segment.offset === undefined || segment.mode !== 'active') continue;
    const at = address - segment.offset;
    if (at < 0 || at >= segment.bytes.length) continue;
    const window = segment.bytes.subarray(at, at + maxBytes + 1);
    let nul = window.indexOf(0);
    // A string that ends with its segment is followed by zeroed memory (C compilers leave the
    // terminator out of the data), unless another segment starts right there.
    const end = segment.offset + segment.bytes.length;
    const followed = segments.some((other) => other.offset === end && other.bytes.length > 0);
    if (nul < 0 && at + window.length === segment.bytes.length && window.length <= maxBytes) {
      if (!followed) nul = window.length;
    }
    if (nul <= 0) return undefined;
    try {
      return utf8.decode(window.subarray(0, nul));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * `plugin_info`'s string read without running the module: most plugins return the address of a
 * static string, so the function's body is one `i32.const` (or holds one among a few other
 * instructions), and the string is in a data segment at a constant offset. A plugin that
 * computes the pointer is said to; the checks read it by calling the function.
 */
export function staticPluginInfo(
  module: Uint8Array,
  info: ModuleInfo,
  segments: readonly DataSegment[],
  maxBytes: number,
): StaticPluginInfo {
  const exported = info.exports.find((entry) => entry.name === 'plugin_info');
  if (exported?.kind !== 'function') return { found: false, reason: '`plugin_info` not exported' };
  const imported = info.imports.filter((entry) => entry.kind === 'function').length;
  if (exported.index < imported) {
    return { found: false, reason: '`plugin_info` is an imported function' };
  }
  const code = splitSections(module).find(({ id }) => id === SectionId.code);
  if (!code) return { found: false, reason: '`plugin_info` has no body' };
  const entries = readCodeEntries(code.payload);
  // The constants of plugin_info's body and of the functions it calls directly, a few levels
  // deep: a Rust `plugin_info` is often a call to the function that returns the static's address.
  const constants: number[] = [];
  const seen = new Set<number>();
  let plain = false;
  const visit = (index: number, depth: number): void => {
    const entry = entries[index - imported];
    if (!entry || seen.has(index) || seen.size >= MAX_FUNCTIONS) return;
    seen.add(index);
    const body = decodeFunctionBody(code.payload, entry.start, entry.end).instructions;
    if (depth === 0) plain = body.length === 2 && body[0]!.name === 'i32.const';
    for (const instruction of body) {
      const { immediates } = instruction;
      if (immediates.kind === 'i32') constants.push(immediates.value >>> 0);
      else if (instruction.name === 'call' && immediates.kind === 'index' && depth < MAX_DEPTH) {
        visit(immediates.index, depth + 1);
      }
    }
  };
  visit(exported.index, 0);
  for (const address of constants) {
    const text = stringAt(segments, address, maxBytes);
    if (text !== undefined) {
      return { found: true, text, address, how: plain ? 'constant' : 'scanned' };
    }
  }
  return {
    found: false,
    reason:
      'no constant in `plugin_info` points at a NUL-terminated UTF-8 string in the data segments (it computes its pointer): the checks read it by calling it',
  };
}
