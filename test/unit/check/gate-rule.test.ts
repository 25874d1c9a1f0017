// Gating from the spec's dependsOn: a module whose initial memory is past the limit
// (ZC-MEM-005) is never instantiated by a later rule, since instantiating it costs seconds.
import { describe, expect, it } from 'vitest';
import { gateRule } from '../../../src/check/gate-rule.js';
import type { PluginUnderTest } from '../../../src/check/plugin-under-test.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const spec = loadSpec();
const rule = (id: string) => spec.rules.find((entry) => entry.id === id)!;
// A plugin with every export the spec names, each with the spec's signature.
const PLUGIN = { spec: new SpecIndex(spec), exportState: () => 'ok' } as unknown as PluginUnderTest;

/** Every rule a rule needs, directly or through the rules it needs. */
function needs(id: string, seen = new Set<string>()): Set<string> {
  for (const dependency of rule(id).dependsOn ?? []) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    needs(dependency, seen);
  }
  return seen;
}

describe('gating on ZC-MEM-005', () => {
  it('blocks instantiation (ZC-LIFE-001) when the initial memory is past the limit', () => {
    const statuses: Record<string, string> = {};
    for (const id of needs('ZC-LIFE-001')) statuses[id] = 'pass';
    expect(gateRule(rule('ZC-LIFE-001'), PLUGIN, statuses)).toBeUndefined();
    statuses['ZC-MEM-005'] = 'fail';
    expect(gateRule(rule('ZC-LIFE-001'), PLUGIN, statuses)).toMatchObject({
      status: 'skip',
      message: 'needs ZC-MEM-005, which failed',
    });
  });

  it('is needed by every rule that instantiates the module', () => {
    const instantiating = spec.rules.filter((entry) => entry.kind !== 'static');
    expect(instantiating.length).toBeGreaterThan(0);
    for (const entry of instantiating) {
      expect([...needs(entry.id)], entry.id).toContain('ZC-MEM-005');
    }
  });
});

describe('an optional export that is absent', () => {
  const withoutVersion = {
    spec: new SpecIndex(spec),
    exportState: (name: string) => (name === 'plugin_version' ? 'missing' : 'ok'),
  } as unknown as PluginUnderTest;

  it('makes its rule not applicable even when a rule it needs failed', () => {
    const statuses: Record<string, string> = {};
    for (const id of needs('ZC-INFO-003')) statuses[id] = 'pass';
    statuses['ZC-INFO-002'] = 'fail';
    expect(gateRule(rule('ZC-INFO-003'), withoutVersion, statuses)).toMatchObject({
      status: 'skip',
      skipKind: 'not-applicable',
      message: '`plugin_version` not exported',
    });
    expect(gateRule(rule('ZC-INFO-003'), PLUGIN, statuses)).toMatchObject({
      status: 'skip',
      message: 'needs ZC-INFO-002, which failed',
    });
  });
});
