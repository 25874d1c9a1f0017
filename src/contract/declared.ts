import type { Rule } from '../spec-model/abi-types.generated.js';
import type { CheckContract, PluginContract } from './contract.js';

type Declaration = NonNullable<Rule['declaredBy']>;

/**
 * Whether a contract (as a caller gives it, or resolved for the worker) declares what a rule's
 * `declaredBy` names (a value, a flag, a path).
 */
export function isDeclared(
  declared: Declaration,
  contract: CheckContract | PluginContract | undefined,
): boolean {
  if (!contract) return false;
  if (declared.key === 'fixtures') return contract.fixtures !== undefined;
  const value = (contract.properties as Record<string, unknown> | undefined)?.[declared.key];
  if (declared.takes === 'value') return value === declared.value;
  if (declared.takes === 'flag') return value === true;
  return typeof value === 'string' && value !== '';
}
