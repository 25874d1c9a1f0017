// The `valid` side of the corpus proof: every reference plugin passes every must and should
// rule at the deepest built-in depth.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/index.js';
import { ROOT as root, failedRules } from '../helpers/corpus.js';
import { explain } from '../helpers/broken-corpus-shard.js';

const referencePlugins = readdirSync(join(root, 'reference-plugins', 'dist'))
  .filter((name) => name.endsWith('.wasm'))
  .sort();

describe('the reference plugins, at --thorough depth', () => {
  it('are all here', () => {
    expect(referencePlugins).toEqual(
      expect.arrayContaining(['echo.wasm', 'tokenizer.wasm', 'resize.wasm']),
    );
  });

  it.each(referencePlugins)(
    '%s passes every must and every should rule',
    async (name) => {
      const report = await runConformance(join(root, 'reference-plugins', 'dist', name), {
        depth: 'thorough',
      });
      const plugin = report.plugins[0]!;
      expect(failedRules(plugin), explain(plugin)).toEqual([]);
      expect(plugin.verdict).toBe('pass');
    },
    300_000,
  );
});
