// A plugin's bytes never reach a terminal raw: a WAT plugin whose process writes escape
// sequences, BEL, NUL and a bidi override to stderr (WASI fd_write) and host_log, and whose
// plugin_info holds an ESC, checked end to end through the built bin.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import { BIN, cli } from './helpers/cli.js';
import { HOSTILE_INFO, HOSTILE_STDERR, hostilePlugin } from './helpers/hostile-plugin.js';
import { withoutSgr } from './helpers/hostile-text.js';

/** The bytes the plugin sends that must never come out raw: ESC, BEL, NUL, U+202E. */
const FORBIDDEN = ['\x1b', '\x07', '\x00', '\u202e'];
const forbiddenIn = (text: string): string[] => FORBIDDEN.filter((char) => text.includes(char));

let scratch: string;
let plugin: string;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} does not exist: run npm run build`);
  scratch = await mkdtemp(join(tmpdir(), 'zenith-sanitize-'));
  plugin = join(scratch, 'hostile.wasm');
  writeFileSync(plugin, hostilePlugin());
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a plugin that writes terminal escapes', () => {
  let plain: string;
  let junit: string;

  beforeAll(async () => {
    const file = join(scratch, 'junit.xml');
    const result = await cli([plugin, '--junit', file], { NO_COLOR: '1' });
    expect(result.exitCode, result.stderr).toBe(1);
    plain = result.stdout;
    junit = readFileSync(file, 'utf8');
  });

  it('is shown with its output escaped in the text report (NO_COLOR=1)', () => {
    expect(forbiddenIn(plain)).toEqual([]);
    expect(plain).toContain(
      'stderr:   \\x1b[2J\\x1b]0;pwned\\x07\\x1b[32mPASS\\x1b[0m\\x00\\u202e evil',
    );
    expect(plain).toContain('log:      \\x1b[2J');
    expect(plain).toContain('(evil\\x1b[2J\\u202e v1.0.0, ');
  });

  it('with FORCE_COLOR=1 holds only the CLI colour codes: without them, the plain report', async () => {
    const result = await cli([plugin], { FORCE_COLOR: '1' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toBe(plain);
    expect(result.stdout).not.toContain('\x1b[2J');
    expect(result.stdout).not.toContain('\x1b]');
    expect(result.stdout).not.toContain('\x1b[32mPASS');
    expect(withoutSgr(result.stdout)).toBe(plain);
    expect(forbiddenIn(withoutSgr(result.stdout))).toEqual([]);
  });

  it('--no-color lets none of it through either, even with FORCE_COLOR=1', async () => {
    const result = await cli([plugin, '--no-color'], { FORCE_COLOR: '1' });
    expect(result.stdout).toBe(plain);
  });

  it('is shown escaped in JUnit, which stays valid XML', () => {
    expect(forbiddenIn(junit)).toEqual([]);
    expect(junit).not.toContain('\ufffd');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain('stderr: \\x1b[2J\\x1b]0;pwned\\x07');
    expect(junit).toContain('value="evil\\x1b[2J\\u202e v1.0.0"');
  });

  it('keeps the exact text in --json, every control written as a \\u escape', async () => {
    const result = await cli([plugin, '--json']);
    expect(forbiddenIn(result.stdout)).toEqual([]);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.plugins[0]!.info?.text).toBe(HOSTILE_INFO);
    const outputs = report.plugins[0]!.results.flatMap((entry) =>
      (entry.failures ?? []).map((failure) => failure.output?.stderr),
    );
    expect(outputs).toContain(HOSTILE_STDERR);
  });

  it('is shown escaped by the bench too', async () => {
    const result = await cli(
      ['bench', '--time', '5', '--warmup', '0', '--sizes', '64', '--no-instructions', plugin],
      { FORCE_COLOR: '1' },
    );
    expect(result.exitCode, result.stderr).toBe(1);
    expect(forbiddenIn(withoutSgr(result.stdout))).toEqual([]);
    expect(withoutSgr(result.stdout)).toContain('(evil\\x1b[2J\\u202e v1.0.0)');
  });
});
