import type { CheckContext } from '../../src/check/context.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { readPluginInfo as readFromInstance } from '../../src/abi/plugin-info.js';
import { describeOutcome } from './describe.js';

export type InfoRead =
  | { ok: true; text: string; address: number; bytes: number }
  | { ok: false; setupFailed: boolean; expected: string; found: string; where: string };

/** Calls plugin_info on a fresh instance and reads the string the way the spec says a host must. */
export function readPluginInfo(ctx: CheckContext): InfoRead {
  const setup = ctx.startPlugin();
  if (!setup.ok) {
    return {
      ok: false,
      setupFailed: true,
      expected: 'a plugin that starts',
      found: describeSetupFailure(setup),
      where: 'plugin_info()',
    };
  }
  const read = readFromInstance(setup.instance, ctx.spec);
  if (read.ok) return read;
  const found = read.outcome ? describeOutcome('plugin_info()', read.outcome) : read.found;
  return { ok: false, setupFailed: false, expected: read.expected, found, where: read.where };
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
