import type { CheckContext } from './context.js';
import type { CheckOutcome } from './outcome.js';
import type { SettleContext, StoppedCall } from './stopped-call.js';

// Check files take their verdict builders from here, next to defineCheck.
export { blocked, fail, notApplicable, pass } from './outcome.js';
export type { CheckOutcome, PluginFacts } from './outcome.js';

/**
 * What a check file exports: the rule id it implements (its file name too) and the code that
 * decides it. The rule's level, description and scope live in the spec, not here.
 */
export interface Check {
  readonly id: string;
  run(ctx: CheckContext): CheckOutcome | Promise<CheckOutcome>;
  /**
   * For a rule whose spec entry `catches` a kind of stop (a hang, a memory bomb): its final
   * verdict, from its own outcome (undefined when its own call was the one stopped) and the
   * calls of this run the supervisor stopped for that reason, whichever rule's case they were.
   * Such a stop can only be judged once the run is over, so this runs after every rule, and
   * only when the run stopped a call this rule catches.
   */
  settle?(
    own: CheckOutcome | undefined,
    stops: readonly StoppedCall[],
    ctx: SettleContext,
  ): CheckOutcome;
}

export function defineCheck(id: string, definition: Check['run'] | Omit<Check, 'id'>): Check {
  return typeof definition === 'function' ? { id, run: definition } : { id, ...definition };
}
