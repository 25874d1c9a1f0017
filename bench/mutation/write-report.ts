import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeJsonStringify } from '../../src/util/sanitize.js';
import { renderMarkdown } from './render-markdown.js';
import type { MutationReport } from './report-types.js';

/** Writes report.json and report.md to `dir`; returns their paths. */
export async function writeMutationReport(report: MutationReport, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const markdown = join(dir, 'report.md');
  await writeFile(json, `${safeJsonStringify(report, 2)}\n`);
  await writeFile(markdown, renderMarkdown(report));
  return [json, markdown];
}
