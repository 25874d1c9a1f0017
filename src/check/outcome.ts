import type { Census, Failure, PluginInfo } from '../spec-model/report-types.generated.js';
import type { FixtureObservation } from '../contract/fixture.js';

/** What a check learned about the plugin that the report shows outside the rule's result. */
export interface PluginFacts {
  info?: PluginInfo;
  /** --update-fixtures: what the plugin returned for each fixture, for the runner to write. */
  fixtureObservations?: FixtureObservation[];
}

/** What a property rule saw besides its verdict: the census of its calls, and warnings. */
export interface Evidence {
  census?: Census[];
  /** What weakens the verdict without changing it; --strict fails on them. */
  warnings?: string[];
}

export type CheckOutcome = Evidence &
  (
    | { status: 'pass'; message: string; facts?: PluginFacts }
    | { status: 'fail'; message: string; failures: Failure[]; facts?: PluginFacts }
    | { status: 'skip'; skipKind: 'not-applicable' | 'blocked'; message: string }
  );

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
