import type { Rule } from '../spec-model/abi-types.generated.js';
import type { ExportState } from './context.js';
import { blocked, notApplicable, type CheckOutcome } from './define-check.js';
import { isDeclared } from '../contract/declared.js';
import type { CheckContract } from '../contract/contract.js';
import type { SpecIndex } from '../spec-model/spec-index.js';

/** What gating reads of a plugin: the spec, how the module exports each name, its contract. */
export interface GateState {
  spec: SpecIndex;
  exportState(name: string): ExportState;
  /** The plugin's declared contract; none: the declared rules do not apply. */
  readonly contract?: CheckContract | undefined;
}

const describeState = (name: string, state: ExportState): string =>
  state === 'missing'
    ? `\`${name}\` is not exported (ZC-EXP-001)`
    : `\`${name}\` does not have the spec's signature (ZC-EXP-002)`;

/**
 * Decides from the spec alone whether a rule can run: its dependsOn rules must have passed,
 * and the exports it is about must exist with the right signature. Optional exports that are
 * absent make a rule not applicable; that is not a failure.
 */
export function gateRule(
  rule: Rule,
  state: GateState,
  /** Each earlier rule's status, a skip as its kind: pass, fail, error, not-applicable, blocked. */
  statuses: Readonly<Record<string, string>>,
): CheckOutcome | undefined {
  // A rule about an optional export the plugin does not have does not apply, whatever the rules
  // it builds on found: "needs ZC-INFO-002, which failed" would blame a plugin_version that
  // is not there.
  const absent = absentScope(rule, state);
  if (absent) return absent;
  for (const dependency of rule.dependsOn ?? []) {
    const status = statuses[dependency];
    // A rule that builds on one that does not apply (no alloc export) does not apply either.
    if (status === 'not-applicable')
      return notApplicable(`needs ${dependency}, which does not apply`);
    if (status !== 'pass') {
      const what =
        status === 'fail'
          ? 'failed'
          : status === 'blocked'
            ? 'could not be checked'
            : 'did not pass';
      return blocked(`needs ${dependency}, which ${what}`);
    }
  }
  const declared = rule.declaredBy;
  if (declared && !isDeclared(declared, state.contract)) {
    return notApplicable(
      `not declared: the plugin's config has no ${declared.key === 'fixtures' ? '`fixtures` folder' : `\`properties.${declared.key}${declared.value ? `: ${declared.value}` : ''}\``}`,
    );
  }
  if (rule.kind === 'static') return undefined;
  const functions = rule.appliesTo
    .map((name) => state.spec.exportsByName.get(name))
    .filter((entry) => entry?.kind === 'function');
  const required = functions.filter((entry) => entry!.required);
  for (const entry of required) {
    const exportState = state.exportState(entry!.name);
    if (exportState !== 'ok') return blocked(describeState(entry!.name, exportState));
  }
  const optional = functions.filter((entry) => !entry!.required);
  if (optional.length === 0) return undefined;
  const states = optional.map((entry) => [entry!.name, state.exportState(entry!.name)] as const);
  const present = states.filter(([, exportState]) => exportState !== 'missing');
  for (const [name, exportState] of present) {
    if (exportState !== 'ok') return blocked(describeState(name, exportState));
  }
  return undefined;
}

/** A rule's status as gating reads it: a skip is told apart by its kind. */
export const gateStatus = (outcome: { status: string; skipKind?: string }): string =>
  outcome.status === 'skip' ? (outcome.skipKind ?? 'blocked') : outcome.status;

/** Not applicable when every export a runtime rule is about is optional and none is exported. */
function absentScope(rule: Rule, state: GateState): CheckOutcome | undefined {
  if (rule.kind === 'static') return undefined;
  const scope = rule.appliesTo.map((name) => state.spec.exportsByName.get(name));
  const functions = scope.filter((entry) => entry?.kind === 'function');
  if (functions.length === 0 || !scope.every((entry) => entry?.required === false))
    return undefined;
  if (functions.some((entry) => state.exportState(entry!.name) !== 'missing')) return undefined;
  return notApplicable(`${functions.map((entry) => `\`${entry!.name}\``).join(', ')} not exported`);
}
