import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/option-checks.js';
import { decodeFixtureBytes } from './fixture-bytes.js';
import type { Fixture } from './fixture.js';

/** Fixtures read per folder: enough for any golden set, few enough to run on every check. */
export const MAX_FIXTURES = 500;

const CASE_KEYS = ['input', 'export', 'params', 'code', 'output', 'description'];

const bad = (where: string, message: string): UsageError =>
  new UsageError('ZC_BAD_FIXTURE', `${where}: ${message}`);

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** A JSON or YAML case file: `{ input, export?, params?, code?, output? }`. */
function parseCaseFile(file: string, dir: string, name: string): Fixture {
  const where = relative(process.cwd(), file) || file;
  const text = readFileSync(file, 'utf8');
  const yaml = extname(file) !== '.json';
  let value: unknown;
  try {
    value = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw bad(
      where,
      `not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(where, 'expected an object { input, export?, params?, code?, output? }');
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!CASE_KEYS.includes(key)) {
      throw bad(
        where,
        `unknown key ${key}${didYouMean(key, CASE_KEYS, `keys: ${CASE_KEYS.join(', ')}`)}`,
      );
    }
  }
  if (!('input' in record)) throw bad(where, 'no input');
  const exportName = record['export'] ?? 'process';
  if (typeof exportName !== 'string') throw bad(where, 'export must be an export name');
  const code = record['code'] ?? (record['output'] === undefined ? undefined : 0);
  if (code !== undefined && (typeof code !== 'number' || !Number.isInteger(code))) {
    throw bad(where, 'code must be an integer return code (0 for success)');
  }
  const params = record['params'];
  if (
    params !== undefined &&
    (typeof params !== 'object' ||
      params === null ||
      Object.values(params).some((v) => typeof v !== 'number' || !Number.isInteger(v)))
  ) {
    throw bad(where, 'params must map struct field names to integers');
  }
  if (code === 0 && record['output'] === undefined) {
    throw bad(where, 'code 0 needs an output (or run --update-fixtures to record it)');
  }
  return {
    name,
    source: { format: yaml ? 'yaml' : 'json', file },
    exportName,
    input: decodeFixtureBytes(record['input'], `${where}: input`, dir),
    ...(params ? { fields: params as Record<string, number> } : {}),
    ...(code !== undefined
      ? {
          expected: {
            code,
            ...(record['output'] !== undefined
              ? { output: decodeFixtureBytes(record['output'], `${where}: output`, dir) }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * Reads a folder of golden fixtures, sorted by name: `name.in` with `name.out` (the input and
 * the output of a call that returns 0), and `name.json` / `name.yaml` / `name.yml` cases for
 * other exports, params structs and error codes. Other files are ignored; a mistake in a case
 * file is a usage error naming the file.
 */
export function loadFixtures(dir: string): Fixture[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError('ZC_BAD_FIXTURE', `fixtures ${dir}: not a folder`);
  }
  const files = filesBelow(dir);
  const present = new Set(files);
  const fixtures: Fixture[] = [];
  for (const file of files) {
    const extension = extname(file);
    const stem = file.slice(0, -extension.length);
    const name = relative(dir, stem);
    if (extension === '.in') {
      const outFile = `${stem}.out`;
      fixtures.push({
        name,
        source: { format: 'pair', inFile: file, outFile },
        exportName: 'process',
        input: new Uint8Array(readFileSync(file)),
        ...(present.has(outFile)
          ? { expected: { code: 0, output: new Uint8Array(readFileSync(outFile)) } }
          : {}),
      });
    } else if (extension === '.out') {
      if (!present.has(`${stem}.in`)) {
        throw bad(relative(process.cwd(), file), `no ${basename(stem)}.in beside it`);
      }
    } else if (['.json', '.yaml', '.yml'].includes(extension)) {
      fixtures.push(parseCaseFile(file, dir, name));
    }
    if (fixtures.length > MAX_FIXTURES) {
      throw bad(dir, `more than ${MAX_FIXTURES} fixtures; split them or keep the telling ones`);
    }
  }
  return fixtures;
}
