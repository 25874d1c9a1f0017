import type { ZenithAbiSpec } from '../spec-model/abi-types.generated.js';
import { CONFIG_FILE_NAMES } from './config-schema.js';

type Schema = Record<string, unknown>;

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(schema: Schema): string {
  if (Array.isArray(schema['enum']))
    return (schema['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' \\| ');
  if ('const' in schema) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['oneOf'])) return (schema['oneOf'] as Schema[]).map(typeOf).join(' or ');
  if (schema['type'] === 'array') return `array of ${typeOf(schema['items'] as Schema)}`;
  if (typeof schema['$ref'] === 'string') return schema['$ref'].split('/').pop()!;
  return typeof schema['type'] === 'string' ? schema['type'] : 'any';
}

/**
 * spec/CONTRACT.md: the config file, the declared-property vocabulary and the fixture format,
 * rendered from the config schema and the spec's declared rules (`npm run generate`).
 */
export function renderContractMarkdown(spec: ZenithAbiSpec, config: Schema): string {
  const properties = config['properties'] as Record<string, Schema>;
  const declared = spec.rules.filter((rule) => rule.declaredBy);
  const lines = [
    '<!-- Generated from spec/zenith-abi.v1.json and src/cli/config-schema.ts by `npm run generate`. Do not edit. -->',
    '',
    '# Plugin contracts: config file, declared properties, golden fixtures',
    '',
    'The ABI rules check what every plugin must do. A plugin repository can also tell',
    'zenith-conform what *its* plugin does, in a config file, and have it checked by the same',
    'guarded host and fuzzers: golden fixtures (inputs with their expected outputs) and declared',
    'properties from a closed vocabulary. Each is a rule of its own (areas FIX and PROP) with a',
    'shrunk counterexample, an output diff and a replay command; a rule that is not declared does',
    'not run.',
    '',
    '## The config file',
    '',
    `Looked for in the working directory as ${CONFIG_FILE_NAMES.map((name) => `\`${name}\``).join(', ')}`,
    '(in that order), or given with `--config <file>`; `--no-config` ignores it. With a config,',
    '`npx zenith-conform` needs no arguments. A `.mjs`/`.js`/`.ts` config default-exports the same',
    'object (or a function returning it); a `.ts` one is imported by Node itself where it strips',
    "types (23.6 and later), else through the project's own `tsx`. The schema is `spec/config.schema.json`",
    `(\`"$schema": "./node_modules/zenith-conform/spec/config.schema.json"\` gives editors completion).`,
    "Keys are the check command's long option names; an option given on the command line overrides the",
    "file's. Paths are relative to the config file. `zenith-conform init` writes one for the plugins",
    'it finds, with a GitHub workflow that uses it.',
    '',
    '```json',
    JSON.stringify(
      {
        $schema: './node_modules/zenith-conform/spec/config.schema.json',
        plugins: [
          {
            path: 'target/wasm32-wasip1/release/upper.wasm',
            fixtures: 'tests/fixtures',
            properties: { output: 'utf8', accepts: 'utf8', idempotent: true },
          },
        ],
        depth: 'thorough',
        junit: 'reports/zenith-conform.xml',
      },
      null,
      2,
    ),
    '```',
    '',
    '| key | type | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(properties)
      .filter(([key]) => key !== '$schema')
      .map(
        ([key, schema]) =>
          `| \`${key}\` | ${cell(typeOf(schema))} | ${cell(typeof schema['description'] === 'string' ? schema['description'] : '')} |`,
      ),
    '',
    'A plugin entry is a string (a path, a directory or a glob) or an object:',
    '`{ "path": ..., "fixtures": "<folder>", "properties": { ... } }`; the contract applies to every',
    'plugin its path matches. When plugins are named on the command line, each takes the contract of',
    'the config entry that matches it.',
    '',
    '## Declared properties',
    '',
    'Each is checked on every case the fuzzers run on `process` (generated, explored and `--corpus`',
    'inputs), with the output buffer ample; a case the plugin rejects says nothing unless the',
    'property is about accepting.',
    '',
    '| declaration | rule | promises |',
    '| --- | --- | --- |',
    ...declared
      .filter((rule) => rule.declaredBy!.key !== 'fixtures')
      .map((rule) => {
        const by = rule.declaredBy!;
        const declaration =
          by.takes === 'flag'
            ? `"${by.key}": true`
            : by.takes === 'value'
              ? `"${by.key}": "${by.value}"`
              : `"${by.key}": "<${by.takes}>"`;
        return `| \`${declaration}\` | ${rule.id} | ${cell(by.meaning ?? rule.description)} |`;
      }),
    '',
    'A `reference` oracle is an ES module: `export default (input) => result`, where `input` is a',
    '`Uint8Array` and `result` is a `Uint8Array` or string (the call must return 0 with that',
    'output), `{ code: n }` (the call must return n), or `null` (the call must return an error',
    "code). It runs in the checker's sandbox process, on the same cases as the plugin; it must be",
    'deterministic.',
    '',
    'An `inverse` is another plugin (.wasm) whose `process` undoes this one: for every input the',
    'plugin accepts, `inverse(process(x))` returns 0 with output `x`.',
    '',
    '## Golden fixtures (ZC-FIX-001)',
    '',
    'A fixture folder holds, recursively and sorted by name:',
    '',
    '- `name.in` and `name.out`: the input of a `process` call and the output it must give',
    '  (returning 0);',
    '- `name.json`, `name.yaml` or `name.yml`: one case, `{ "input", "export"?, "params"?, "code"?,',
    '  "output"?, "description"? }`. `export` defaults to `process`; `params` are the struct',
    '  fields of an export with a params struct (`resize_image`); `code` defaults to 0 when an',
    '  output is given; an error case gives `code` alone. Bytes are a string (its UTF-8),',
    '  `{ "hex": "00ff" }`, `{ "base64": "..." }`, `{ "u32": [1, 2] }` (little-endian words, for',
    '  `tokenize` ids) or `{ "file": "name.bin" }`.',
    '',
    'Each fixture runs on the guarded host at several placements (buffers apart, output before',
    'input, input at the end of memory) and capacities (ample; exactly the expected size), so a',
    'fixture checks the ABI as well as the answer. A failure shows the first differing byte and,',
    'for text, a line diff. `--update-fixtures` writes what the plugin returns instead (keeping a',
    "case file's other keys and a YAML file's comments); review the diff before committing it.",
    '',
  ];
  return lines.join('\n');
}
