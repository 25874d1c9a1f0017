import { describe, expect, it } from 'vitest';
import { runInOrder } from '../../../src/runner/in-order.js';

/** Resolves once `open` is called: lets a test decide which task finishes when. */
const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('runInOrder', () => {
  it('hands on reports in task order though later tasks finish first', async () => {
    const seen: string[] = [];
    const gates = [gate(), gate(), gate()];
    const run = runInOrder(3, 3, async (index, report) => {
      report(() => seen.push(`${index} started`));
      await gates[index]!.opened;
      report(() => seen.push(`${index} done`));
      return index * 10;
    });
    gates[2]!.open();
    gates[1]!.open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Task 0 still runs: only its own report is out.
    expect(seen).toEqual(['0 started']);
    gates[0]!.open();
    expect(await run).toEqual([0, 10, 20]);
    expect(seen).toEqual(['0 started', '0 done', '1 started', '1 done', '2 started', '2 done']);
  });

  it('runs at most `concurrency` tasks at once', async () => {
    let running = 0;
    let most = 0;
    await runInOrder(6, 2, async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    });
    expect(most).toBe(2);
  });
});
