import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';
import { describeValue, didYouMean } from '../util/option-checks.js';
import type { CheckContract, DeclaredProperties, PluginContract } from './contract.js';
import { loadFixtures } from './load-fixtures.js';
import { parseSizeRelation } from './size-relation.js';

/** An inverse that is an export of the plugin itself instead of a file: `export:<name>`. */
export const EXPORT_PREFIX = 'export:';

const bad = (where: string, message: string): UsageError =>
  new UsageError('ZC_BAD_CONFIG', `${where}: ${message}`);

/** The declared keys the spec knows, with how each is given (from the rules' declaredBy). */
function vocabulary(spec: SpecIndex): Map<string, { takes: string; values: string[] }> {
  const keys = new Map<string, { takes: string; values: string[] }>();
  for (const rule of spec.rules) {
    const by = rule.declaredBy;
    if (!by || by.key === 'fixtures') continue;
    const entry = keys.get(by.key) ?? { takes: by.takes, values: [] };
    if (by.value) entry.values.push(by.value);
    keys.set(by.key, entry);
  }
  return keys;
}

function checkProperties(spec: SpecIndex, properties: unknown, where: string): DeclaredProperties {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw bad(where, `properties must be an object, got ${describeValue(properties)}`);
  }
  const known = vocabulary(spec);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    const entry = known.get(key);
    if (!entry) {
      throw bad(
        where,
        `unknown property ${key}${didYouMean(key, [...known.keys()], `known: ${[...known.keys()].join(', ')}`)}`,
      );
    }
    const label = `${where}: properties.${key}`;
    if (entry.takes === 'value') {
      if (typeof value !== 'string' || !entry.values.includes(value)) {
        throw new UsageError(
          'ZC_BAD_CONFIG',
          `${label} must be one of ${entry.values.join(', ')}, got ${describeValue(value)}`,
        );
      }
      out[key] = value;
    } else if (entry.takes === 'flag') {
      if (typeof value !== 'boolean')
        throw new UsageError(
          'ZC_BAD_CONFIG',
          `${label} must be true or false, got ${describeValue(value)}`,
        );
      out[key] = value;
    } else if (entry.takes === 'formula') {
      if (typeof value !== 'string')
        throw new UsageError('ZC_BAD_CONFIG', `${label} must be a string`);
      parseSizeRelation(value, label);
      out[key] = value;
    } else if (key === 'inverse' && typeof value === 'string' && value.startsWith(EXPORT_PREFIX)) {
      // An export of the plugin itself (`export:decode`), looked up when the rule runs.
      if (!/^export:\S+$/.test(value)) {
        throw new UsageError('ZC_BAD_CONFIG', `${label} ${value}: name the export after export:`);
      }
      out[key] = value;
    } else {
      if (typeof value !== 'string' || value === '')
        throw new UsageError('ZC_BAD_CONFIG', `${label} must be a path`);
      const path = resolve(value);
      if (!existsSync(path) || !statSync(path).isFile())
        throw new UsageError('ZC_BAD_CONFIG', `${label} ${value}: no such file`);
      out[key] = path;
    }
  }
  return out;
}

/**
 * A caller's contract made ready for the check worker: properties checked against the spec's
 * vocabulary, files resolved to absolute paths and present, fixtures read and parsed. Every
 * mistake is a UsageError naming where it is, before anything runs.
 */
export function resolveContract(
  spec: SpecIndex,
  contract: PluginContract,
  options: { updateFixtures?: boolean } = {},
): CheckContract {
  const where = contract.configPath ?? 'contract';
  const properties =
    contract.properties === undefined ? {} : checkProperties(spec, contract.properties, where);
  const resolved: CheckContract = { properties };
  if (contract.configPath) resolved.configPath = contract.configPath;
  if (contract.fixtures !== undefined) {
    if (typeof contract.fixtures !== 'string' || contract.fixtures === '')
      throw bad(where, 'fixtures must be a folder');
    const dir = resolve(contract.fixtures);
    resolved.fixtures = { dir, cases: loadFixtures(dir) };
  }
  if (options.updateFixtures) resolved.updateFixtures = true;
  return resolved;
}
