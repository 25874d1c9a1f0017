import type { Failure, PluginInfo } from '../spec-model/report-types.generated.js';

/** What a check learned about the plugin that the report shows outside the rule's result. */
export interface PluginFacts {
  info?: PluginInfo;
}

export type CheckOutcome =
  | { status: 'pass'; message: string; facts?: PluginFacts }
  | { status: 'fail'; message: string; failures: Failure[]; facts?: PluginFacts }
  | { status: 'skip'; skipKind: 'not-applicable' | 'blocked'; message: string };

export const pass = (message: string): CheckOutcome => ({ status: 'pass', message });

export const fail = (message: string, failures: Failure[]): CheckOutcome => ({
  status: 'fail',
  message,
  failures,
});

export const notApplicable = (message: string): CheckOutcome => ({
  status: 'skip',
  skipKind: 'not-applicable',
  message,
});

export const blocked = (message: string): CheckOutcome => ({
  status: 'skip',
  skipKind: 'blocked',
  message,
});
