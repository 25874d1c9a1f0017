import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PluginContract } from '../contract/contract.js';
import { contractWithPaths } from '../contract/contract-paths.js';
import type { ZenithAbiSpec } from '../spec-model/abi-types.generated.js';
import type { PluginEntry, ZenithConformConfig } from '../spec-model/config-types.generated.js';
import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/option-checks.js';
import { closestMatch } from '../util/edit-distance.js';
import { CONFIG_FILE_NAMES, configOptions, configSchema } from './config-schema.js';
import { optionTable } from './options.js';
import { parseWithTable } from './parse-table.js';
import { resolvePluginArgs } from './plugin-args.js';

export interface LoadedConfig {
  /** As the user would type it: relative to the working directory when inside it. */
  path: string;
  config: ZenithConformConfig;
}

const bad = (path: string, message: string): UsageError =>
  new UsageError('ZC_BAD_CONFIG', `${path}: ${message}`);

/** The config file in a folder, if there is one (zenith-conform.config.json first). */
export function findConfig(dir: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(dir, name);
    if (existsSync(path)) return relative(process.cwd(), path) || path;
  }
  return undefined;
}

/** The ES module entry of the tsx API that a project's folder would import (its exports map). */
function tsxApiEntry(dir: string): string {
  const manifest = createRequire(join(dir, 'package.json')).resolve('tsx/package.json');
  const exportsMap = (
    JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }
  ).exports?.['./esm/api'] as { import?: { default?: string } } | undefined;
  const entry = exportsMap?.import?.default;
  if (!entry) throw new Error('tsx has no ./esm/api entry');
  return join(dirname(manifest), entry);
}

/**
 * A TypeScript config: Node imports it itself where it strips types (23.6 and later); on older
 * Node, through the project's own tsx when it has one. The tool does not ship a compiler.
 */
async function importTypeScript(path: string): Promise<{ default?: unknown }> {
  const url = pathToFileURL(resolve(path)).href;
  try {
    return (await import(url)) as { default?: unknown };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  }
  let tsx: string;
  try {
    tsx = tsxApiEntry(resolve(dirname(path)));
  } catch {
    throw bad(
      path,
      `this Node (${process.version}) cannot import TypeScript: install tsx in the project (npm i -D tsx), use Node 23.6 or later, or write zenith-conform.config.mjs`,
    );
  }
  const api = (await import(pathToFileURL(tsx).href)) as {
    tsImport: (specifier: string, parent: string) => Promise<{ default?: unknown }>;
  };
  return api.tsImport(url, import.meta.url);
}

async function readConfigValue(path: string): Promise<unknown> {
  if (!existsSync(path)) throw bad(path, 'no such file');
  if (/\.(mjs|js|cjs|ts|mts)$/.test(path)) {
    let module: { default?: unknown };
    try {
      module = /\.m?ts$/.test(path)
        ? await importTypeScript(path)
        : ((await import(pathToFileURL(resolve(path)).href)) as { default?: unknown });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw bad(path, `cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
    }
    const value = module.default;
    return typeof value === 'function' ? await (value as () => unknown)() : value;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw bad(path, `not valid JSON: ${(error as Error).message}`);
  }
}

type SchemaError = {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
};

/** What a command-line-only option is in a config, for a key written as the flag. */
const CONFIG_SPELLING: Record<string, string> = {
  quick: '"depth": "quick"',
  thorough: '"depth": "thorough"',
  'no-explore': '"explore": false',
};

/**
 * The error worth showing: the deepest one (an unknown key inside a plugin entry rather than
 * "plugins.0 must be string" from the other branch of its oneOf), an unknown key or a bad
 * value before a type mismatch.
 */
function mostTelling(errors: readonly SchemaError[]): SchemaError | undefined {
  const rank = (error: SchemaError): number =>
    error.keyword === 'additionalProperties'
      ? 3
      : error.keyword === 'enum'
        ? 2
        : error.keyword === 'oneOf'
          ? 0
          : 1;
  return [...errors].sort(
    (a, b) =>
      b.instancePath.split('/').length - a.instancePath.split('/').length || rank(b) - rank(a),
  )[0];
}

/** A schema error as one line: where in the file, what is wrong, a suggestion for a typo. */
function describeSchemaError(error: SchemaError, schema: Record<string, unknown>): string {
  const at =
    error.instancePath === '' ? 'the top level' : error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params['additionalProperty']);
    if (error.instancePath === '' && CONFIG_SPELLING[key]) {
      return `${at}: unknown key ${key} (in a config, --${key} is ${CONFIG_SPELLING[key]})`;
    }
    const definitions = schema['definitions'] as Record<string, { properties: object }>;
    const known = Object.keys(
      /properties$/.test(error.instancePath)
        ? definitions['DeclaredProperties']!.properties
        : /plugins\/\d+$/.test(error.instancePath)
          ? definitions['PluginEntry']!.properties
          : (schema['properties'] as object),
    );
    // A flag's name (or a typo of one) written as a key: say how a config spells it.
    const flag =
      error.instancePath === '' ? closestMatch(key, Object.keys(CONFIG_SPELLING)) : undefined;
    if (flag && !closestMatch(key, known)) {
      return `${at}: unknown key ${key} (did you mean ${flag}? in a config it is ${CONFIG_SPELLING[flag]})`;
    }
    return `${at}: unknown key ${key}${didYouMean(key, known, `keys: ${known.join(', ')}`)}`;
  }
  if (error.keyword === 'enum') {
    return `${at} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${at} ${error.message ?? 'is not valid'}`;
}

/** Reads and validates a config file against spec/config.schema.json's schema. */
export async function loadConfig(path: string, spec: ZenithAbiSpec): Promise<LoadedConfig> {
  const value = await readConfigValue(path);
  const schema = configSchema(spec);
  const { Ajv } = await import('ajv');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(value)) {
    const error = mostTelling((validate.errors ?? []) as SchemaError[]);
    throw bad(
      path,
      error ? describeSchemaError(error, schema) : 'does not match the config schema',
    );
  }
  return { path, config: value as ZenithConformConfig };
}

/** Option names the command line gave, so that the config does not set them too. */
function givenOptions(argv: readonly string[]): Set<string> {
  const table = optionTable();
  const parsed = parseWithTable(argv, table, 'zenith-conform --help');
  return new Set(
    table
      .filter((option) =>
        option.kind === 'flag' ? parsed.flag(option.name) : parsed.text(option.name) !== undefined,
      )
      .map((option) => option.name),
  );
}

/** Options that decide one thing together: the command line giving one overrides them all. */
const GROUPS: ReadonlyArray<readonly string[]> = [
  ['depth', 'quick', 'thorough'],
  ['explore', 'explore-iterations', 'no-explore'],
];

/**
 * The config's options as command-line arguments, less those the command line gives itself,
 * so that one parser reads both and a flag always wins over the file. Paths become relative
 * to the working directory.
 */
export function configArguments(loaded: LoadedConfig, argv: readonly string[]): string[] {
  const given = givenOptions(argv);
  const overridden = (key: string): boolean =>
    given.has(key) ||
    GROUPS.some((group) => group.includes(key) && group.some((name) => given.has(name)));
  const dir = dirname(loaded.path);
  const local = (path: string): string => (isAbsolute(path) ? path : join(dir, path));
  const config = loaded.config as Record<string, unknown>;
  const out: string[] = [];
  if (config['depth'] !== undefined && !overridden('depth'))
    out.push(`--${config['depth'] as string}`);
  for (const option of configOptions()) {
    const value = config[option.name];
    if (value === undefined || overridden(option.name)) continue;
    if (option.name === 'explore' && value === false) {
      out.push('--no-explore');
      continue;
    }
    if (option.kind === 'flag') {
      if (value === true) out.push(`--${option.name}`);
      continue;
    }
    // The schema has checked the types: strings, numbers, or lists of strings.
    const values = (Array.isArray(value) ? value : [value]).map(
      (item) => `${item as string | number}`,
    );
    const shown = option.path ? values.map(local) : values;
    if (option.name === 'corpus') for (const path of shown) out.push('--corpus', path);
    else out.push(`--${option.name}`, shown.join(','));
  }
  return out;
}

/** A plugin the config names, with the contract its entry declares. */
export interface ConfigPlugin {
  path: string;
  contract?: PluginContract;
}

/**
 * The config's plugins: each entry's path (a file, a directory or a glob, relative to the
 * config) expanded, with the entry's contract, its paths made absolute.
 */
export function configPlugins(loaded: LoadedConfig, spec: ZenithAbiSpec): ConfigPlugin[] {
  const dir = dirname(loaded.path);
  const plugins: ConfigPlugin[] = [];
  for (const entry of loaded.config.plugins ?? []) {
    const item: PluginEntry = typeof entry === 'string' ? { path: entry } : entry;
    const pattern = isAbsolute(item.path) ? item.path : join(dir, item.path);
    let paths: string[];
    try {
      paths = resolvePluginArgs([pattern]).flatMap((plugin) =>
        plugin.kind === 'path' ? [plugin.path] : [],
      );
    } catch (error) {
      if (error instanceof UsageError) throw bad(loaded.path, `plugins: ${error.message}`);
      throw error;
    }
    const contract = contractOf(item, dir, loaded.path, spec);
    for (const path of paths) plugins.push({ path, ...(contract ? { contract } : {}) });
  }
  return plugins;
}

function contractOf(
  item: PluginEntry,
  dir: string,
  configPath: string,
  spec: ZenithAbiSpec,
): PluginContract | undefined {
  if (item.fixtures === undefined && item.properties === undefined) return undefined;
  // Paths in the entry (fixtures, inverse, reference) are relative to the config file.
  return { configPath, ...contractWithPaths(item, dir, spec) };
}

/** The contract for a plugin named on the command line: that of the config entry matching it. */
export function contractFor(
  path: string,
  plugins: readonly ConfigPlugin[],
): PluginContract | undefined {
  const wanted = resolve(path);
  return plugins.find((plugin) => resolve(plugin.path) === wanted)?.contract;
}
