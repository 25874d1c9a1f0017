import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import type { BenchReport } from '../spec-model/bench-report-types.generated.js';

export const REPORT_FILES = ['report.json', 'report.md', 'report.html'] as const;

/** --out: report.json (spec/bench-report.schema.json), report.md and a self-contained report.html. */
export async function writeReports(report: BenchReport, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    'report.md': renderMarkdown(report),
    'report.html': renderHtml(report),
  };
  const written: string[] = [];
  for (const name of REPORT_FILES) {
    const path = join(dir, name);
    await writeFile(path, contents[name]);
    written.push(path);
  }
  return written;
}
