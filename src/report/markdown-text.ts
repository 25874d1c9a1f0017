import { sanitizeText } from '../util/sanitize.js';

/**
 * Plugin-controlled text as literal Markdown, for a table cell or a heading: GitHub renders
 * HTML in Markdown, so `<`, `>` and `&` become entities (a plugin_info of `<img src=...>` or
 * `</table>` stays text), emphasis, link and code characters are backslash-escaped, and `|`
 * cannot end a cell. Controls and line breaks are sanitized to visible escapes first, so the
 * text stays on its line.
 */
export function markdownText(text: string): string {
  return sanitizeText(text)
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
