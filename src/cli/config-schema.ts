import type { Rule, ZenithAbiSpec } from '../spec-model/abi-types.generated.js';
import { optionTable, type OptionSpec } from './options.js';

/** The file names a config is looked for by, in the working directory, in this order. */
export const CONFIG_FILE_NAMES = [
  'zenith-conform.config.json',
  'zenith-conform.config.mjs',
  'zenith-conform.config.js',
  'zenith-conform.config.ts',
] as const;

type Schema = Record<string, unknown>;

/** The options a config file may set: every check option that is not a one-off action. */
export const configOptions = (): OptionSpec[] =>
  optionTable().filter((option) => option.cliOnly !== true);

function optionSchema(option: OptionSpec): Schema {
  const description = option.description;
  if (option.list) {
    return {
      description,
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      ],
    };
  }
  if (option.name === 'seed') {
    return { description, oneOf: [{ type: 'integer', minimum: 0 }, { const: 'random' }] };
  }
  if (option.name === 'explore') {
    return {
      description: `${description} false: do not explore (--no-explore).`,
      oneOf: [{ type: 'number', exclusiveMinimum: 0 }, { const: false }],
    };
  }
  switch (option.kind) {
    case 'flag':
      return { type: 'boolean', description };
    case 'integer':
      // Byte limits take sizes as the CLI does: 1048576, "1m", "64k".
      return option.placeholder === 'bytes'
        ? {
            description,
            oneOf: [
              { type: 'integer', minimum: 1 },
              { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*[kKmMgG]?[iI]?[bB]?$' },
            ],
          }
        : { type: 'integer', minimum: 1, description };
    case 'number':
      return { type: 'number', exclusiveMinimum: 0, description };
    default:
      return { type: 'string', minLength: 1, description };
  }
}

/** The properties vocabulary: one key per `declaredBy` of the spec's rules. */
function propertiesSchema(rules: readonly Rule[]): Schema {
  const properties: Record<string, Schema> = {};
  const byKey = new Map<string, Rule[]>();
  for (const rule of rules) {
    const declared = rule.declaredBy;
    if (!declared || declared.key === 'fixtures') continue;
    byKey.set(declared.key, [...(byKey.get(declared.key) ?? []), rule]);
  }
  for (const [key, keyed] of byKey) {
    const first = keyed[0]!.declaredBy!;
    const meaning = keyed
      .map(
        (rule) =>
          `${rule.declaredBy!.value ? `${rule.declaredBy!.value}: ` : ''}${rule.declaredBy!.meaning ?? rule.description} (${rule.id})`,
      )
      .join(' ');
    properties[key] =
      first.takes === 'value'
        ? { enum: keyed.map((rule) => rule.declaredBy!.value), description: meaning }
        : first.takes === 'flag'
          ? { type: 'boolean', description: meaning }
          : { type: 'string', minLength: 1, description: meaning };
  }
  return {
    type: 'object',
    additionalProperties: false,
    description:
      "Facts about the plugin's `process` that the fuzzers check on every generated, explored and corpus input.",
    properties,
  };
}

/**
 * The JSON Schema of zenith-conform.config.json, derived from the check command's option table
 * and the spec's declared rules, so that a new option or property is a new config key.
 * `npm run generate` writes it to spec/config.schema.json.
 */
export function configSchema(spec: ZenithAbiSpec): Schema {
  const fixtures = spec.rules.find((rule) => rule.declaredBy?.key === 'fixtures');
  const options: Record<string, Schema> = {};
  for (const option of configOptions()) options[option.name] = optionSchema(option);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://zenith-conform.dev/schema/config.schema.json',
    title: 'ZenithConformConfig',
    description:
      "zenith-conform.config.json: the plugins a repository checks, the options it fixes (the check command's long option names; options given on the command line override them), and each plugin's contract. Paths are relative to the config file.",
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      plugins: {
        type: 'array',
        minItems: 1,
        description: 'Plugins to check: paths, directories or globs, or entries with a contract.',
        items: { oneOf: [{ type: 'string', minLength: 1 }, { $ref: '#/definitions/PluginEntry' }] },
      },
      depth: { enum: ['quick', 'thorough'], description: 'Property depth (--quick, --thorough).' },
      ...options,
    },
    definitions: {
      PluginEntry: {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: {
          path: {
            type: 'string',
            minLength: 1,
            description: 'A .wasm file, a directory or a glob.',
          },
          fixtures: {
            type: 'string',
            minLength: 1,
            description: `${fixtures?.declaredBy?.meaning ?? 'A folder of golden fixtures.'} (${fixtures?.id ?? 'ZC-FIX-001'})`,
          },
          properties: { $ref: '#/definitions/DeclaredProperties' },
        },
      },
      DeclaredProperties: propertiesSchema(spec.rules),
    },
  };
}
