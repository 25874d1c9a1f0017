// Generated files are committed so that readers and tsc see them without a build step; this
// keeps them from drifting away from the spec and schemas they are generated from.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles, repoRoot } from '../scripts/generated-files.js';

const files = await generatedFiles();

describe('generated files', () => {
  it('include at least the spec types, report types and ABI.md', () => {
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining([
        'src/spec-model/abi-types.generated.ts',
        'src/spec-model/report-types.generated.ts',
        'spec/ABI.md',
      ]),
    );
  });

  it.each(files.map((file) => [file.path, file] as const))('%s is up to date', (path, file) => {
    const target = join(repoRoot, path);
    expect(existsSync(target), `${path} is missing: run npm run generate`).toBe(true);
    // A boolean first so a stale file fails with the fix in the message, not a 200-line diff;
    // the diff follows for the details.
    const current = readFileSync(target, 'utf8');
    expect(current === file.content, `${path} is out of date: run npm run generate`).toBe(true);
    expect(current).toBe(file.content);
  });
});
