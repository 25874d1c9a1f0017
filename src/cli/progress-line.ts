import { sanitizeText } from '../util/sanitize.js';

/** Width assumed when a terminal does not say (the classic 80 columns). */
const DEFAULT_COLUMNS = 80;

/**
 * One redrawable status line on a terminal. It is cut to one column less than the terminal,
 * since a line that fills or wraps the last column makes every `\r` redraw start a new line.
 * Redrawn with a carriage return and spaces rather than ANSI erase codes, so that NO_COLOR
 * output stays free of escape sequences.
 */
export class StatusLine {
  private shown = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: number | undefined,
  ) {}

  draw(text: string): void {
    // A pseudo-terminal may say 0 columns (script(1) does): take that as unknown.
    const columns = this.columns && this.columns > 0 ? this.columns : DEFAULT_COLUMNS;
    const width = Math.max(10, columns - 1);
    const clean = sanitizeText(text);
    const chars = [...clean];
    const line = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : clean;
    const length = [...line].length;
    this.write(`\r${line}${' '.repeat(Math.max(0, this.shown - length))}`);
    this.shown = length;
  }

  clear(): void {
    if (this.shown > 0) this.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }
}

/** `12 s`, `3 min 5 s`: an estimate, rounded as a person reads it. */
export function formatEta(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
