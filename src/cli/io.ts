/** The CLI's streams and environment, passed in so that tests run the CLI as a function. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal: progress is drawn there. */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
