import type { CallOutcome, PluginInstance } from '../host/plugin-instance.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { hexPreview } from '../util/bytes-text.js';

export type InfoRead =
  | { ok: true; text: string; address: number; bytes: number }
  | { ok: false; expected: string; found: string; where: string; outcome?: CallOutcome };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Calls `plugin_info` and reads its string the way the spec says a host must: a pointer into
 * memory, NUL-terminated UTF-8 within the spec's byte bound. The one reader both the checks
 * and the bench use.
 */
export function readPluginInfo(plugin: PluginInstance, spec: SpecIndex): InfoRead {
  const maxBytes = spec.export('plugin_info').results?.[0]?.maxBytes ?? 256;
  const expected = `a pointer into memory to NUL-terminated UTF-8 of at most ${maxBytes} bytes`;
  const outcome = plugin.call('plugin_info');
  if (outcome.kind !== 'returned' || outcome.value === undefined) {
    return { ok: false, expected, found: '', where: 'plugin_info()', outcome };
  }
  const address = outcome.value >>> 0;
  const where = `plugin_info() -> 0x${address.toString(16)}`;
  const read = plugin.readCString(address, maxBytes);
  if (!read.ok) return { ok: false, expected, found: read.problem, where };
  try {
    return { ok: true, text: strictUtf8.decode(read.bytes), address, bytes: read.bytes.length + 1 };
  } catch {
    const found = `the bytes are not UTF-8: ${hexPreview(read.bytes, 32)}`;
    return { ok: false, expected, found, where };
  }
}
