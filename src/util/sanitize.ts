/**
 * Plugin-controlled text made safe for a terminal (and for XML 1.0): every character that could
 * move the cursor, clear the screen, set a title, ring a bell, reorder text (bidi controls) or
 * that XML cannot carry becomes a visible escape such as `\x1b` or `\u202e`. Renderers call it
 * on every string they print. JSON output keeps the exact text (safeJsonStringify writes the
 * characters JSON.stringify leaves raw as `\uXXXX` escapes).
 */

// C0 controls, DEL and C1 controls; the bidi marks, embeddings, overrides and isolates; the line
// and paragraph separators; the two noncharacters XML 1.0 forbids; and lone surrogates.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const UNSAFE_TEST =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/;

export interface SanitizeOptions {
  /** Keep line feeds and tabs: for text a renderer prints on several lines on purpose. */
  multiline?: boolean;
}

const SHORT: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function escapeChar(char: string): string {
  const short = SHORT[char];
  if (short) return short;
  const code = char.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character as a visible escape (`\x1b`, `\x07`, `\x00`, `\u202e`). */
export function sanitizeText(text: string, options: SanitizeOptions = {}): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(UNSAFE, (char) =>
    options.multiline && (char === '\n' || char === '\t') ? char : escapeChar(char),
  );
}

/**
 * A copy of a report (any JSON-like value) with every string sanitized: one line each, except
 * strings under the given keys, which keep their line feeds and tabs. Renderers start from it,
 * so no field, present or added later, reaches the terminal raw.
 */
export function sanitizeDeep<T>(value: T, multilineKeys: ReadonlySet<string> = new Set()): T {
  const walk = (item: unknown, multiline: boolean): unknown => {
    if (typeof item === 'string') return sanitizeText(item, { multiline });
    if (Array.isArray(item)) return item.map((entry) => walk(entry, multiline));
    if (item !== null && typeof item === 'object' && !(item instanceof Uint8Array)) {
      return Object.fromEntries(
        Object.entries(item).map(([key, entry]) => [key, walk(entry, multilineKeys.has(key))]),
      );
    }
    return item;
  };
  return walk(value, false) as T;
}

// What JSON.stringify leaves raw although a terminal may act on it: DEL, the C1 controls (0x9b
// is CSI), the bidi controls and the line and paragraph separators. Outside strings JSON text is
// ASCII, so every match is inside a string, where `\uXXXX` stands for the same character.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, with the characters it leaves raw that a terminal could act on written as
 * `\uXXXX` escapes: the text parses back exactly the same, and is safe to print.
 */
export function safeJsonStringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
