/**
 * Work done by a set of instances' calls, counted by the module's work counter
 * (src/wasm/count-work.ts): function entries and loop iterations. A property rule gives one
 * meter to every instance its cases start, so that its budget covers all of them: the same
 * plugin and seed spend the same work on every machine, so a budget of work, unlike one of
 * time, cuts a slow plugin's run at the same case everywhere.
 */
export class WorkMeter {
  /** Units counted so far, across every instance that shares this meter. */
  spent = 0;
  /** Cases a check cut short to stay within the budget (a long series run for fewer calls). */
  shortened = 0;

  /** The budget: units the rule may spend (Infinity: none, as in a --time run). */
  constructor(readonly budget = Infinity) {}

  add(units: number): void {
    this.spent += units;
  }

  /**
   * How many calls of `perCall` units fit in `share` of the budget, at least `min` and at most
   * `max`; counts the case as shortened when fewer than `max` fit.
   */
  callsFitting(perCall: number, share: number, min: number, max: number): number {
    if (!Number.isFinite(this.budget) || perCall <= 0) return max;
    const fitting = Math.max(min, Math.floor((this.budget * share) / perCall));
    if (fitting >= max) return max;
    this.shortened++;
    return fitting;
  }
}
