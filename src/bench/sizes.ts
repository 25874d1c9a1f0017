import { UsageError } from '../util/errors.js';

export const DEFAULT_SIZES = [64, 1024, 64 * 1024, 1024 * 1024];

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  m: 1024 * 1024,
  mib: 1024 * 1024,
};

/** `64,1k,64k,1m` (k and m are binary: 1k = 1024 bytes). */
export function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((item) => {
    const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(item);
    const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
    const value = match && unit !== undefined ? Number(match[1]) * unit : NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new UsageError(
        'ZC_BAD_OPTION',
        `--sizes expects sizes like 64,1k,64k,1m (at least 1 byte each), got ${JSON.stringify(item.trim())}`,
      );
    }
    return value;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}
