import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles, repoRoot } from './generated-files.js';

// `npm run generate` rewrites the files; `npm run generate -- --check` only reports drift.
const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const file of await generatedFiles()) {
  const target = join(repoRoot, file.path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === file.content) continue;
  if (checkOnly) {
    console.error(`${file.path} is out of date: run npm run generate`);
    stale++;
  } else {
    writeFileSync(target, file.content);
    console.log(`wrote ${file.path}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
