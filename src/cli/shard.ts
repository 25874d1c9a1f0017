import { UsageError } from '../util/errors.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `--shard expects k/n with 1 <= k <= n, got ${JSON.stringify(text)}`,
    );
  }
  return { index, count };
}

/**
 * The plugins shard k of n checks: sorted by path, then every n-th starting at k, so the
 * split depends only on the list of paths (not on the order a shell expanded them in).
 */
export function selectShard<T extends string>(plugins: readonly T[], shard: Shard): T[] {
  return [...plugins].sort().filter((_, position) => position % shard.count === shard.index - 1);
}

/** What an empty shard says instead of a report: which shard, and how many plugins there were. */
export function emptyShardMessage(shard: Shard, plugins: number): string {
  return `shard ${shard.index}/${shard.count} has no plugins: ${plugins} plugin${plugins === 1 ? '' : 's'} given, dealt by sorted path over ${shard.count} shards; nothing to check`;
}
