/**
 * Named run depths. quick keeps a default run on a small plugin to a couple of seconds, for a
 * pre-commit check; thorough is for release gates and nightly CI.
 */
export const DEPTHS = {
  quick: { runs: 100, description: '100 cases per property (default)' },
  thorough: { runs: 1000, description: '1000 cases per property' },
} as const;

export type DepthName = keyof typeof DEPTHS;
