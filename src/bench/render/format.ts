/** Number formats shared by the text, Markdown and HTML reports. */

/** 3 significant digits with k/M/G: `812`, `12.3 k`, `4.56 M`. */
export function formatCount(value: number): string {
  // Rounded first, so that 999.6 reads `1.00 k`, not `1.00e+3`.
  const rounded = Number(value.toPrecision(3));
  const units: Array<[number, string]> = [
    [1e9, ' G'],
    [1e6, ' M'],
    [1e3, ' k'],
  ];
  for (const [scale, suffix] of units) {
    if (Math.abs(rounded) >= scale) return `${(rounded / scale).toPrecision(3)}${suffix}`;
  }
  return Math.abs(rounded) >= 100 || Number.isInteger(rounded)
    ? rounded.toFixed(0)
    : rounded.toPrecision(3);
}

/** A duration given in ms, in the unit that reads best: `85.8 ns`, `2.69 µs`, `41.5 ms`, `1.20 s`. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  if (ms >= 1e-3) return `${(ms * 1e3).toPrecision(3)} µs`;
  return `${(ms * 1e6).toPrecision(3)} ns`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** JavaScript time over wasm time, said plainly: `wasm 2.24× faster`, `JS 2.15× faster`. */
export function formatJsComparison(jsOverWasm: number): string {
  return jsOverWasm >= 1
    ? `wasm ${jsOverWasm.toFixed(2)}× faster`
    : `JS ${(1 / jsOverWasm).toFixed(2)}× faster`;
}

export function formatPerByte(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/** A change in percent with its sign, an increase too: `+12.3%`, `-4.0%`, `+0.0%`. */
export function formatChange(percent: number): string {
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}
