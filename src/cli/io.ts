/** The CLI's streams and environment, passed in so that tests run the CLI as a function. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal: progress is drawn there. */
  stderrIsTTY?: boolean;
  /** The terminal's width when stderr is one: a progress line is cut to it, so it never wraps. */
  stderrColumns?: number | undefined;
  env: NodeJS.ProcessEnv;
  /**
   * Whether colour is on when neither --color nor --no-color is given: picocolors' own
   * detection (NO_COLOR, FORCE_COLOR, a terminal on stdout, CI). Default: no colour.
   */
  colorSupported?: boolean;
  /** Reads the whole of stdin, for the plugin argument `-`. */
  readStdin?: () => Promise<Uint8Array>;
  /** Whether stdin is a terminal (then `-` is refused: nothing was piped in). */
  stdinIsTTY?: boolean;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
