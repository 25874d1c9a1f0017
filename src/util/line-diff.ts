/** Lines compared at most: a diff of larger outputs would cost more than it tells. */
const MAX_LINES = 400;
/** Changed lines shown, with their context. */
const MAX_SHOWN = 24;

const decode = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * A line diff of two text outputs (`- expected`, `+ found`, two-space context), from their
 * longest common subsequence of lines; undefined when either is not UTF-8 or too long, where
 * the byte window of describeDifference says more.
 */
export function lineDiff(expected: Uint8Array, found: Uint8Array): string | undefined {
  const a = decode(expected);
  const b = decode(found);
  if (a === undefined || b === undefined || a === b) return undefined;
  const left = a.split('\n');
  const right = b.split('\n');
  if (left.length > MAX_LINES || right.length > MAX_LINES) return undefined;
  // lengths[i][j]: the LCS of left[i..] and right[j..].
  const lengths = Array.from({ length: left.length + 1 }, () =>
    new Array<number>(right.length + 1).fill(0),
  );
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        left[i] === right[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  const show = (text: string): string => JSON.stringify(text).slice(1, -1);
  while (i < left.length || j < right.length) {
    if (i < left.length && j < right.length && left[i] === right[j]) {
      lines.push(`  ${show(left[i]!)}`);
      i++;
      j++;
    } else if (
      i < left.length &&
      (j === right.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)
    ) {
      lines.push(`- ${show(left[i++]!)}`);
    } else {
      lines.push(`+ ${show(right[j++]!)}`);
    }
  }
  // Changed lines with one line of context each side.
  const keep = lines.map((line, index) =>
    [index - 1, index, index + 1].some(
      (at) => lines[at] !== undefined && !lines[at].startsWith('  '),
    ),
  );
  const shown: string[] = [];
  let skipped = false;
  for (const [index, line] of lines.entries()) {
    if (keep[index]) {
      if (skipped && shown.length > 0) shown.push('  …');
      skipped = false;
      shown.push(line);
    } else skipped = true;
  }
  if (shown.length > MAX_SHOWN)
    return [...shown.slice(0, MAX_SHOWN), `  … ${shown.length - MAX_SHOWN} more lines`].join('\n');
  return shown.join('\n');
}
