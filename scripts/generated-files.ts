import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { ZenithAbiSpec } from '../src/spec/abi-types.generated.js';
import { renderAbiMarkdown } from '../src/spec/render-abi-markdown.js';

export const repoRoot = join(import.meta.dirname, '..');

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));

const banner = (source: string): string =>
  `/* Generated from ${source} by \`npm run generate\` (json-schema-to-typescript). Do not edit. */`;

async function typesFrom(schemaPath: string, rootName: string): Promise<string> {
  return compile(readJson(schemaPath) as JSONSchema, rootName, {
    bannerComment: banner(schemaPath),
    additionalProperties: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 100, trailingComma: 'all' },
  });
}

export interface GeneratedFile {
  path: string;
  content: string;
}

/** Every file derived from spec/, with its expected content; committed and drift-tested. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  return [
    {
      path: 'src/spec/abi-types.generated.ts',
      content: await typesFrom('spec/abi.schema.json', 'ZenithAbiSpec'),
    },
    {
      path: 'src/report/report-types.generated.ts',
      content: await typesFrom('spec/report.schema.json', 'ConformanceReport'),
    },
    {
      path: 'spec/ABI.md',
      content: renderAbiMarkdown(readJson('spec/zenith-abi.v1.json') as ZenithAbiSpec),
    },
  ];
}
