// The broken-plugin corpus as the tests read it: the manifest, and each fixture's bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginContract, PluginReport } from '../../src/index.js';
import { readCorpusManifest, type CorpusManifest } from '../../scripts/catch-table.js';
import { wat, withCustomSection, withDataSegment } from './wat.js';
import { contractWithPaths } from '../../src/contract/contract-paths.js';
import { loadSpec } from '../../src/spec-model/load-spec.js';

export type ManifestEntry = CorpusManifest['fixtures'][number];

export const ROOT = join(import.meta.dirname, '..', '..');
export const CORPUS_DIR = join(ROOT, 'reference-plugins', 'broken');
export const manifest = readCorpusManifest(ROOT);

export function fixtureBytes(
  entry: Pick<ManifestEntry, 'fixture' | 'padBytes' | 'dataBytes'>,
): Uint8Array {
  const path = join(CORPUS_DIR, entry.fixture);
  let bytes = path.endsWith('.wat')
    ? wat(readFileSync(path, 'utf8'))
    : new Uint8Array(readFileSync(path));
  if (entry.dataBytes) bytes = withDataSegment(bytes, 65536, entry.dataBytes);
  return entry.padBytes ? withCustomSection(bytes, 'padding', entry.padBytes) : bytes;
}

/** The entry's contract as runConformance takes it: paths resolved against the corpus folder. */
export function fixtureContract(
  entry: Pick<ManifestEntry, 'contract'>,
): PluginContract | undefined {
  return entry.contract ? contractWithPaths(entry.contract, CORPUS_DIR, loadSpec()) : undefined;
}

/** The rules a report failed (or could not run), in report order. */
export const failedRules = (report: PluginReport): string[] =>
  report.results
    .filter((result) => result.status === 'fail' || result.status === 'error')
    .map((result) => result.rule);
