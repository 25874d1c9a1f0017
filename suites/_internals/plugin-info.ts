import type { CheckContext } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { describeOutcome, hex } from './describe.js';

export type InfoRead =
  | { ok: true; text: string; address: number; bytes: number }
  | { ok: false; setupFailed: boolean; expected: string; found: string; where: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Calls plugin_info on a fresh instance and reads the string the way the spec says a host must. */
export function readPluginInfo(ctx: CheckContext): InfoRead {
  const result = ctx.spec.export('plugin_info').results?.[0];
  const maxBytes = result?.maxBytes ?? 256;
  const expected = `a pointer into memory to NUL-terminated UTF-8 of at most ${maxBytes} bytes`;
  const setup = ctx.startPlugin();
  if (!setup.ok) {
    return {
      ok: false,
      setupFailed: true,
      expected,
      found: describeSetupFailure(setup),
      where: 'plugin_info()',
    };
  }
  const plugin = setup.instance;
  const outcome = plugin.call('plugin_info');
  if (outcome.kind !== 'returned' || outcome.value === undefined) {
    return {
      ok: false,
      setupFailed: false,
      expected,
      found: describeOutcome('plugin_info()', outcome),
      where: 'plugin_info()',
    };
  }
  const address = outcome.value >>> 0;
  const where = `plugin_info() -> ${hex(address)}`;
  const read = plugin.readCString(address, maxBytes);
  if (!read.ok) return { ok: false, setupFailed: false, expected, found: read.problem, where };
  try {
    return { ok: true, text: strictUtf8.decode(read.bytes), address, bytes: read.bytes.length + 1 };
  } catch {
    const preview = Array.from(read.bytes.subarray(0, 32), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join(' ');
    return {
      ok: false,
      setupFailed: false,
      expected,
      found: `the bytes are not UTF-8: ${preview}`,
      where,
    };
  }
}

export interface ParsedInfo {
  name: string;
  version: string;
  major: number;
  minor: number;
  patch: number;
}

export function parseInfo(ctx: CheckContext, text: string): ParsedInfo | undefined {
  const pattern = ctx.spec.export('plugin_info').results?.[0]?.pattern;
  if (!pattern) throw new Error('the spec gives no pattern for plugin_info');
  const groups = new RegExp(pattern).exec(text)?.groups;
  if (!groups?.['name']) return undefined;
  const [major, minor, patch] = [groups['major'], groups['minor'], groups['patch']].map(Number) as [
    number,
    number,
    number,
  ];
  return {
    name: groups['name'],
    version: text.slice(groups['name'].length + 2),
    major,
    minor,
    patch,
  };
}
