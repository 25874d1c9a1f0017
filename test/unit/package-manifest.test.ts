// The dependency policy: development tools pinned exactly (the lock and CI run one version),
// the published package's runtime dependencies as caret ranges (a user's tree can share one
// copy of fast-check with their own tests instead of installing a second).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
};

describe('package.json', () => {
  it('gives runtime dependencies caret ranges', () => {
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
    }
  });

  it('says where the project lives: repository, homepage and issues (npm shows them)', () => {
    const home = 'https://github.com/zenith-conform/zenith-conform';
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${home}.git` });
    expect(pkg.homepage).toBe(`${home}#readme`);
    expect(pkg.bugs).toEqual({ url: `${home}/issues` });
  });

  it('pins development tools exactly', () => {
    for (const [name, version] of Object.entries(pkg.devDependencies)) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
