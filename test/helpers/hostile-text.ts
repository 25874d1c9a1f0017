/**
 * Text a hostile plugin controls (its output, its plugin_info, its file name), and checks that
 * a rendering shows it escaped.
 */

/** Clears the screen, sets the title, rings the bell, prints a fake green PASS, then NUL, C1, DEL, bidi. */
export const HOSTILE =
  '\x1b[2J\x1b]0;pwned\x07\x1b[32mPASS\x1b[0m\x00\x9b\x7f\r\u202e\u2066 evil\u0008';

/** How HOSTILE reads once sanitized. */
export const HOSTILE_SHOWN =
  '\\x1b[2J\\x1b]0;pwned\\x07\\x1b[32mPASS\\x1b[0m\\x00\\x9b\\x7f\\r\\u202e\\u2066 evil\\x08';

/** Any character that must not reach a terminal raw (line feeds and tabs are allowed). */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The SGR colour codes picocolors writes (the CLI's own): `\x1b[31m`, `\x1b[39m`, `\x1b[1m`. */
// eslint-disable-next-line no-control-regex
export const SGR = /\x1b\[\d+m/g;

/** Text with the CLI's colour codes removed. */
export const withoutSgr = (text: string): string => text.replace(SGR, '');
