import type { CallOutcome } from '../host/plugin-instance.js';
import type { Census } from '../spec-model/report-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';

/** How one case ended, as the census counts it: a return code, or why there was none. */
export type CaseCode = number | 'trapped' | 'stopped' | 'blocked';

export const caseCodeOf = (outcome: CallOutcome): CaseCode =>
  outcome.kind === 'returned' ? (outcome.value ?? 0) | 0 : outcome.kind;

/**
 * What a fuzzed export's cases returned, per code: the evidence of how far the checks got. A
 * plugin that rejects almost everything it is given passes rules that never ran its logic.
 */
export class CensusTally {
  private readonly counts = new Map<string, number>();
  cases = 0;

  constructor(readonly exportName: string) {}

  record(code: CaseCode): void {
    this.cases++;
    const key = String(code);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get accepted(): number {
    return this.counts.get('0') ?? 0;
  }

  toReport(): Census {
    return {
      export: this.exportName,
      cases: this.cases,
      codes: Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  /** `97 -1 (InvalidInput), 3 accepted`: the codes in words. */
  describe(spec: SpecIndex): string {
    return describeCodes(Object.fromEntries(this.counts), spec);
  }

  /** The warning to give when too few cases got past the plugin's input check, if any. */
  warning(spec: SpecIndex, minAcceptedPercent: number): string | undefined {
    if (this.cases === 0 || (this.accepted * 100) / this.cases >= minAcceptedPercent) {
      return undefined;
    }
    return `only ${this.accepted} of ${this.cases} cases of \`${this.exportName}\` were accepted (${this.describe(spec)}): the checks of this rule barely ran past the input check; give --corpus with inputs the plugin accepts`;
  }
}

/** `97 returned -1 (InvalidInput), 3 accepted, 2 trapped`: a census's codes in words. */
export function describeCodes(codes: Readonly<Record<string, number>>, spec: SpecIndex): string {
  return Object.entries(codes)
    .sort(([, a], [, b]) => b - a)
    .map(([code, count]) => {
      if (code === '0') return `${count} accepted`;
      if (!/^-?\d+$/.test(code)) return `${count} ${code}`;
      const name = spec.returnCodeName(Number(code));
      return `${count} returned ${code}${name ? ` (${name})` : ''}`;
    })
    .join(', ');
}
