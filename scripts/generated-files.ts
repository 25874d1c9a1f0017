import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';
import type { ZenithAbiSpec } from '../src/spec-model/abi-types.generated.js';
import { renderAbiMarkdown } from '../src/spec-model/render-abi-markdown.js';
import { configSchema } from '../src/cli/config-schema.js';
import { renderContractMarkdown } from '../src/cli/render-contract-markdown.js';
import { renderBenchHelp, renderHelp, renderInspectHelp } from '../src/cli/options.js';
import { renderReadmeResults } from '../src/bench/render/markdown.js';
import type { BenchReport } from '../src/spec-model/bench-report-types.generated.js';
import { renderReadmeMutation } from '../bench/mutation/render-markdown.js';
import type { MutationReport } from '../bench/mutation/report-types.js';
import { readCorpusManifest, renderCatchTable } from './catch-table.js';
import { sampleOutput } from './sample-output.js';

export const repoRoot = join(import.meta.dirname, '..');

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

const banner = (source: string): string =>
  `/* Generated from ${source} by \`npm run generate\` (json-schema-to-typescript). Do not edit. */`;

async function typesFrom(
  schemaPath: string,
  rootName: string,
  schema = readJson(schemaPath),
): Promise<string> {
  return compile(schema as JSONSchema, rootName, {
    bannerComment: banner(schemaPath),
    additionalProperties: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 100, trailingComma: 'all' },
  });
}

/** Replaces each `<!-- generated:name -->` ... `<!-- /generated:name -->` block's body. */
export function fillSections(text: string, sections: Record<string, string>): string {
  let out = text;
  for (const [name, body] of Object.entries(sections)) {
    const pattern = new RegExp(
      `(<!-- generated:${name}[^>]*-->\n)[\\s\\S]*?(<!-- /generated:${name} -->)`,
    );
    if (!pattern.test(out)) throw new Error(`README.md has no generated:${name} section`);
    out = out.replace(
      pattern,
      (_match, open: string, close: string) => `${open}\n${body}\n\n${close}`,
    );
  }
  return out;
}

const renderSample = (sample: { command: string; output: string; exitCode: number }): string =>
  [
    '```sh',
    `${sample.command}    # exits ${sample.exitCode}`,
    '```',
    '',
    '```text',
    sample.output,
    '```',
  ].join('\n');

export interface GeneratedFile {
  path: string;
  content: string;
}

/** Every file derived from spec/, with its expected content; committed and drift-tested. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const spec = readJson('spec/zenith-abi.v1.json') as ZenithAbiSpec;
  const config = configSchema(spec);
  return [
    {
      path: 'spec/config.schema.json',
      content: await format(JSON.stringify(config), {
        ...(await resolveConfig(join(repoRoot, 'spec/config.schema.json'))),
        parser: 'json',
      }),
    },
    {
      path: 'src/spec-model/config-types.generated.ts',
      content: await typesFrom('spec/config.schema.json', 'ZenithConformConfig', config),
    },
    {
      path: 'spec/CONTRACT.md',
      content: await format(renderContractMarkdown(spec, config), {
        ...(await resolveConfig(join(repoRoot, 'spec/CONTRACT.md'))),
        parser: 'markdown',
      }),
    },
    {
      path: 'src/spec-model/abi-types.generated.ts',
      content: await typesFrom('spec/abi.schema.json', 'ZenithAbiSpec'),
    },
    {
      path: 'src/spec-model/report-types.generated.ts',
      content: await typesFrom('spec/report.schema.json', 'ConformanceReport'),
    },
    {
      path: 'src/spec-model/bench-report-types.generated.ts',
      content: await typesFrom('spec/bench-report.schema.json', 'BenchReport'),
    },
    {
      path: 'README.md',
      // Formatted as `prettier --check` wants it, so generating and formatting agree.
      content: await format(
        fillSections(readFileSync(join(repoRoot, 'README.md'), 'utf8'), {
          'cli-help': ['```text', renderHelp().trimEnd(), '```'].join('\n'),
          'sample-output': renderSample(await sampleOutput()),
          'catch-table': renderCatchTable(
            readJson('spec/zenith-abi.v1.json') as ZenithAbiSpec,
            readCorpusManifest(repoRoot),
            existsSync(join(repoRoot, 'reports/mutation/report.json'))
              ? (readJson('reports/mutation/report.json') as MutationReport).killsByRule
              : undefined,
          ),
          'mutation-score': existsSync(join(repoRoot, 'reports/mutation/report.json'))
            ? renderReadmeMutation(readJson('reports/mutation/report.json') as MutationReport)
            : 'No mutation report yet: `npm run bench:mutation` writes one.',
          'bench-help': ['```text', renderBenchHelp().trimEnd(), '```'].join('\n'),
          'inspect-help': ['```text', renderInspectHelp().trimEnd(), '```'].join('\n'),
          // The published reports (npm run bench:publish) are the source of the README's table.
          'bench-results': renderReadmeResults(
            existsSync(join(repoRoot, 'reports/report.json'))
              ? (readJson('reports/report.json') as BenchReport)
              : undefined,
          ),
        }),
        { ...(await resolveConfig(join(repoRoot, 'README.md'))), parser: 'markdown' },
      ),
    },
    {
      path: 'spec/ABI.md',
      content: renderAbiMarkdown(readJson('spec/zenith-abi.v1.json') as ZenithAbiSpec),
    },
  ];
}
