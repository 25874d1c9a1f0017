import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZenithAbiSpec } from '../src/spec-model/abi-types.generated.js';

export interface CorpusManifest {
  conformant: string;
  fixtures: Array<{
    fixture: string;
    fails: string[];
    why: string;
    limits?: Record<string, number>;
    padBytes?: number;
    /** Bytes of an extra data segment (test/helpers/wat.ts withDataSegment) appended at 64 KiB. */
    dataBytes?: number;
    /** A hostile plugin: the stress test runs it again and again on a loaded machine. */
    hostile?: boolean;
    /**
     * What the plugin's config declares (fixtures, properties; paths relative to the corpus
     * folder): a logic bug only the declaration shows.
     */
    contract?: { fixtures?: string; properties?: Record<string, unknown> };
  }>;
  /** Rules no broken plugin can demonstrate, with the reason. */
  uncatchable?: Array<{ rule: string; reason: string }>;
}

export function readCorpusManifest(repoRoot: string): CorpusManifest {
  const path = join(repoRoot, 'reference-plugins', 'broken', 'manifest.json');
  return JSON.parse(readFileSync(path, 'utf8')) as CorpusManifest;
}

const fixtureName = (path: string): string =>
  path.replace(/^(not-wasm|dist|hostile)\//, '').replace(/\.(wat|wasm)$/, '');

/**
 * The catch table: for each rule, the broken plugins that must fail it. It is generated from
 * the manifest, and test/broken-corpus/ proves the manifest (each fixture fails exactly
 * its rules), so the table cannot claim a catch the suite does not make. With the mutation
 * benchmark's report, a column counts the mutants of the reference plugins each rule killed.
 */
/** The mutation benchmark's kills per rule (reports/mutation/report.json), when published. */
export interface MutationKills {
  default: Record<string, number>;
  thorough: Record<string, number>;
}

export function renderCatchTable(
  spec: ZenithAbiSpec,
  manifest: CorpusManifest,
  mutation?: MutationKills,
): string {
  const rows = spec.rules.map((rule) => {
    const catchers = manifest.fixtures
      .filter((entry) => entry.fails.includes(rule.id))
      .map((entry) => `\`${fixtureName(entry.fixture)}\``);
    const uncatchable = manifest.uncatchable?.find((entry) => entry.rule === rule.id);
    const cell =
      catchers.length > 0
        ? catchers.join(', ')
        : uncatchable
          ? `none: ${uncatchable.reason}`
          : '**none**';
    const kills = mutation
      ? ` ${mutation.default[rule.id] ?? 0} / ${mutation.thorough[rule.id] ?? 0} |`
      : '';
    return `| ${rule.id} | ${rule.level} | ${cell} |${kills}`;
  });
  return [
    `| rule | level | broken plugins that must fail it |${mutation ? ' mutants it killed (default / thorough) |' : ''}`,
    `| --- | --- | --- |${mutation ? ' ---: |' : ''}`,
    ...rows,
  ].join('\n');
}
