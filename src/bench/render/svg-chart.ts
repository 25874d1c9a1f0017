import { formatSize } from '../../util/format-size.js';
import { sanitizeText } from '../../util/sanitize.js';
import { formatCount } from './format.js';

/** Axis labels at powers of ten: `1`, `100`, `10 k`, `1 G`. */
function formatDecade(exponent: number): string {
  if (exponent < 0) return String(10 ** exponent);
  const units = ['', ' k', ' M', ' G', ' T'];
  const unit = Math.min(Math.floor(exponent / 3), units.length - 1);
  return `${10 ** (exponent - unit * 3)}${units[unit]}`;
}

export interface ChartPoint {
  /** Input bytes. */
  x: number;
  /** MB/s. */
  y: number;
  /** An interval around y (MB/s), drawn as an error bar. */
  range?: readonly [number, number];
}

export interface ChartSeries {
  name: string;
  /** A CSS class that picks the colour and dash. */
  className: string;
  points: ChartPoint[];
}

/** HTML text with plugin controls shown as escapes (`\x1b`), then `&`, `<`, `>`, `"` escaped. */
export const escapeHtml = (text: string): string =>
  sanitizeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { left: 72, right: 150, top: 16, bottom: 44 };
const PLOT = {
  width: WIDTH - MARGIN.left - MARGIN.right,
  height: HEIGHT - MARGIN.top - MARGIN.bottom,
};

const round = (value: number): string => value.toFixed(1);

/**
 * Throughput against input size, both on log scales, as inline SVG: no script, no fonts or
 * images to fetch. Each point is a <circle class="point"> with its series, size and value in
 * data attributes, and data-points on the <svg> says how many there are.
 */
export function throughputChart(
  attributes: Record<string, string>,
  label: string,
  series: readonly ChartSeries[],
): string {
  const points = series.flatMap((s) => s.points.filter((p) => p.y > 0 && p.x > 0));
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const xMin = Math.log2(xs[0] ?? 1);
  const xMax = Math.log2(xs[xs.length - 1] ?? 2);
  const yValues = points.flatMap((p) =>
    [p.y, ...(p.range ?? [])].filter((y) => y > 0).map((y) => Math.log10(y)),
  );
  const yMin = points.length > 0 ? Math.floor(Math.min(...yValues)) : 0;
  let yMax = points.length > 0 ? Math.ceil(Math.max(...yValues)) : 1;
  if (yMax === yMin) yMax = yMin + 1;
  const xAt = (bytes: number): number =>
    MARGIN.left +
    (xMax === xMin ? PLOT.width / 2 : ((Math.log2(bytes) - xMin) / (xMax - xMin)) * PLOT.width);
  const yAt = (mbPerSec: number): number =>
    MARGIN.top + PLOT.height - ((Math.log10(mbPerSec) - yMin) / (yMax - yMin)) * PLOT.height;

  const parts: string[] = [];
  parts.push(
    `<rect class="plot" x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT.width}" height="${PLOT.height}"/>`,
  );
  for (let decade = yMin; decade <= yMax; decade++) {
    const y = round(yAt(10 ** decade));
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatDecade(decade))}</text>`,
    );
  }
  for (const x of xs) {
    const at = round(xAt(x));
    parts.push(
      `<line class="grid" x1="${at}" x2="${at}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT.height}"/>`,
      `<text class="tick" x="${at}" y="${MARGIN.top + PLOT.height + 16}" text-anchor="middle">${escapeHtml(formatSize(x))}</text>`,
    );
  }
  parts.push(
    `<text class="axis" x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 6}" text-anchor="middle">input size</text>`,
    `<text class="axis" transform="translate(14 ${MARGIN.top + PLOT.height / 2}) rotate(-90)" text-anchor="middle">MB/s</text>`,
  );
  series.forEach((s, index) => {
    const drawn = s.points.filter((p) => p.y > 0 && p.x > 0).sort((a, b) => a.x - b.x);
    if (drawn.length > 1) {
      const path = drawn.map((p) => `${round(xAt(p.x))},${round(yAt(p.y))}`).join(' ');
      parts.push(`<polyline class="line ${s.className}" points="${path}"/>`);
    }
    for (const p of drawn) {
      if (p.range && p.range[0] > 0 && p.range[1] > 0) {
        const at = round(xAt(p.x));
        parts.push(
          `<line class="errorbar line ${s.className}" data-size="${p.x}" data-low="${p.range[0]}" data-high="${p.range[1]}" x1="${at}" x2="${at}" y1="${round(yAt(p.range[0]))}" y2="${round(yAt(p.range[1]))}"/>`,
        );
      }
      parts.push(
        `<circle class="point ${s.className}" data-series="${escapeHtml(s.name)}" data-size="${p.x}" data-value="${p.y}" cx="${round(xAt(p.x))}" cy="${round(yAt(p.y))}" r="4"><title>${escapeHtml(`${s.name}: ${formatCount(p.y)} MB/s at ${formatSize(p.x)}`)}</title></circle>`,
      );
    }
    const legendY = MARGIN.top + 12 + index * 20;
    const legendX = MARGIN.left + PLOT.width + 14;
    parts.push(
      `<line class="line ${s.className}" x1="${legendX}" x2="${legendX + 20}" y1="${legendY}" y2="${legendY}"/>`,
      `<text class="legend" x="${legendX + 26}" y="${legendY}" dominant-baseline="middle">${escapeHtml(s.name)}</text>`,
    );
  });
  const attrs = Object.entries({ ...attributes, 'data-points': String(points.length) })
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<svg class="chart"${attrs} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}
