import { sanitizeText } from '../util/sanitize.js';
import { COMMANDS, type CommandName } from './options.js';

/**
 * What the bin prints for an error runCli did not expect: one line naming it as our bug, and
 * the stack after it only when asked for (ZC_DEBUG=1), so that a user sees a report to file,
 * not a trace to read.
 */
export function internalErrorText(command: CommandName, error: unknown, debug: boolean): string {
  const message =
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
      : String(error);
  const first = sanitizeText(message.split('\n')[0]?.trim() || 'unknown error');
  const line = `${COMMANDS[command].prefix}: internal error: ${first} (a zenith-conform bug: please report it; ZC_DEBUG=1 shows the stack)\n`;
  if (!debug) return line;
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  return `${line}${stack}\n`;
}
