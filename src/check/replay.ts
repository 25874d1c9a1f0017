export function shellQuote(text: string): string {
  return /^[\w./@:=+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface ReplaySettings {
  source: string;
  seed: number;
  /** Non-default options of the run (limits), already formatted as CLI arguments. */
  replayArgs: string;
}

/** The exact command that reruns one rule on one plugin, as the report prints it. */
export function replayCommand(
  settings: ReplaySettings,
  ruleId: string | undefined,
  extraArgs = '',
): string {
  return [
    'npx zenith-conform',
    // A plugin given as bytes has no path; the placeholder says what to put there.
    settings.source === '<bytes>' ? '<plugin.wasm>' : shellQuote(settings.source),
    ruleId ? `--only ${ruleId}` : '',
    `--seed ${settings.seed}`,
    settings.replayArgs,
    extraArgs,
  ]
    .filter(Boolean)
    .join(' ');
}
