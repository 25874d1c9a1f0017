/** A mistake in how zenith-conform was called (not a plugin failure): the CLI exits 2. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
