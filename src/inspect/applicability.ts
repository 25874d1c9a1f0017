import { exportStateOf } from '../check/export-state.js';
import { gateRule, gateStatus } from '../check/gate-rule.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import type { RuleApplicability } from './inspect-types.js';

/**
 * Which rules the run's gate would skip on this module, and why: the same gateRule the checks
 * use, fed with the module's exports and with every rule that would run counted as passing
 * (inspect runs nothing, so it cannot know a failure). A check may still find at run time that
 * its rule does not apply (a tokenizer rule on a plugin that is not one); that takes a run.
 */
export function ruleApplicability(info: ModuleInfo, spec: SpecIndex): RuleApplicability[] {
  const state = { spec, exportState: (name: string) => exportStateOf(info, spec, name) };
  const statuses: Record<string, string> = {};
  return spec.rules.map((rule) => {
    const gated = gateRule(rule, state, statuses);
    statuses[rule.id] = gated ? gateStatus(gated) : 'pass';
    const base = { id: rule.id, level: rule.level };
    if (!gated) return { ...base, status: 'applies' as const };
    const status =
      gated.status === 'skip' && gated.skipKind === 'not-applicable' ? 'not-applicable' : 'blocked';
    return { ...base, status, reason: gated.message };
  });
}
