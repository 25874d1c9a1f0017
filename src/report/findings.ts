import type { Failure, PluginReport, RuleResult } from '../spec-model/report-types.generated.js';

/**
 * What a CI reporter shows of one rule result: the results that fail the run (`error`) or that
 * a reader should see without failing it (`warning`), with a one-line message. The levels
 * follow the exit code: a should failure or a census warning is an error only with --strict,
 * a must rule that could not be checked and an unexpected pass are errors (they fail the run).
 * The GitHub annotations, the job summary and SARIF all read results through this, so they
 * never disagree with the exit code or with each other.
 */
export interface Finding {
  rule: string;
  ruleLevel: RuleResult['level'];
  level: 'error' | 'warning';
  kind: 'failed' | 'broke' | 'not-checked' | 'unexpected-pass' | 'warning';
  message: string;
  /** A source location in the plugin's code, when a failure quotes a Rust panic's. */
  location?: SourceLocation;
  replay?: string;
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

// Rust prints `panicked at src/lib.rs:12:5:` (1.73 and later) or
// `panicked at 'message', src/lib.rs:12:5` (before): the first `<path>.rs:<line>:<col>` after
// "panicked at" is where it happened.
const PANIC = /panicked at /;
const RUST_LOCATION = /([^\s:,'"()`<>|]+\.rs):(\d+):(\d+)/;

/** The panic location a failure's text or stderr quotes, if any. */
export function panicLocation(failures: readonly Failure[]): SourceLocation | undefined {
  for (const failure of failures) {
    for (const text of [failure.found, failure.output?.stderr ?? '']) {
      const at = text.search(PANIC);
      if (at < 0) continue;
      const match = RUST_LOCATION.exec(text.slice(at));
      if (match) return { file: match[1]!, line: Number(match[2]), column: Number(match[3]) };
    }
  }
  return undefined;
}

function findingOf(result: RuleResult, strict: boolean): Finding | undefined {
  const base = { rule: result.rule, ruleLevel: result.level };
  const failures = result.failures ?? [];
  const location = panicLocation(failures);
  const replay = failures.find((failure) => failure.replay)?.replay;
  const extras = { ...(location ? { location } : {}), ...(replay ? { replay } : {}) };
  const expectation = result.expectation;
  if (expectation?.outcome === 'expected-failure') return undefined;
  if (expectation?.outcome === 'unexpected-pass') {
    const message = `passed, but --expect lists it as failing (${expectation.reason}): remove it from the list`;
    return { ...base, level: 'error', kind: 'unexpected-pass', message };
  }
  if (result.status === 'error') {
    return { ...base, level: 'error', kind: 'broke', message: result.message, ...extras };
  }
  if (result.status === 'fail') {
    const level = result.level === 'must' || strict ? 'error' : 'warning';
    return { ...base, level, kind: 'failed', message: result.message, ...extras };
  }
  if (result.status === 'skip' && result.skipKind === 'blocked' && result.level === 'must') {
    const message = `could not be checked: ${result.message}`;
    return { ...base, level: 'error', kind: 'not-checked', message };
  }
  if (result.warnings?.length) {
    const level = strict ? 'error' : 'warning';
    return { ...base, level, kind: 'warning', message: result.warnings.join('; ') };
  }
  return undefined;
}

/** The findings of one plugin, in spec order. */
export function findingsOf(plugin: PluginReport, strict: boolean): Finding[] {
  return plugin.results.flatMap((result) => findingOf(result, strict) ?? []);
}
