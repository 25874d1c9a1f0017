/**
 * Runs `count` tasks, at most `concurrency` at a time, and hands on what each reports in task
 * order: task i's reports are delivered as they come while every task before it has finished,
 * and held until then otherwise. A caller that prints progress sees the same sequence as if
 * the tasks had run one after another.
 */
export async function runInOrder<T>(
  count: number,
  concurrency: number,
  task: (index: number, report: (deliver: () => void) => void) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  const held: Array<Array<() => void>> = Array.from({ length: count }, () => []);
  const finished = new Array<boolean>(count).fill(false);
  let current = 0;
  let next = 0;

  const report = (index: number) => (deliver: () => void) => {
    if (index === current) deliver();
    else held[index]!.push(deliver);
  };
  const advance = (): void => {
    while (current < count && finished[current]) {
      current++;
      for (const deliver of held[current] ?? []) deliver();
      if (current < count) held[current] = [];
    }
  };
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index, report(index));
      finished[index] = true;
      advance();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return results;
}
