import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { encodeFixtureBytes } from './fixture-bytes.js';
import type { Fixture, FixtureObservation } from './fixture.js';

/**
 * Writes what the plugin returned as each fixture's expectation (--update-fixtures), keeping
 * the rest of a case file (its input, export, params, description). A pair fixture whose
 * call did not return 0 cannot be written as a `.out`; it is returned to be reported.
 */
export function writeFixtureUpdates(
  fixtures: readonly Fixture[],
  observed: readonly FixtureObservation[],
): { written: string[]; refused: string[] } {
  const byName = new Map(fixtures.map((fixture) => [fixture.name, fixture]));
  const written: string[] = [];
  const refused: string[] = [];
  for (const seen of observed) {
    const fixture = byName.get(seen.name);
    if (!fixture) continue;
    const source = fixture.source;
    if (source.format === 'pair') {
      if (seen.code !== 0) {
        refused.push(
          `${source.inFile}: returned ${seen.code}; a .in/.out pair is a success case (write ${seen.name}.json with "code" for an error case)`,
        );
        continue;
      }
      writeFileSync(source.outFile, seen.output);
      written.push(source.outFile);
      continue;
    }
    const text = readFileSync(source.file, 'utf8');
    const output = seen.code === 0 ? encodeFixtureBytes(seen.output, seen.elementBytes) : undefined;
    if (extname(source.file) === '.json') {
      const value = JSON.parse(text) as Record<string, unknown>;
      value['code'] = seen.code;
      if (output === undefined) delete value['output'];
      else value['output'] = output;
      writeFileSync(source.file, `${JSON.stringify(value, null, 2)}\n`);
    } else {
      // The YAML document is edited in place so that its comments survive.
      const document = parseDocument(text);
      document.set('code', seen.code);
      if (output === undefined) document.delete('output');
      else document.set('output', output);
      writeFileSync(source.file, document.toString());
    }
    written.push(source.file);
  }
  return { written, refused };
}
