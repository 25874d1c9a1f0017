import { resolve } from 'node:path';
import type { ZenithAbiSpec } from '../spec-model/abi-types.generated.js';
import type { PluginContract } from './contract.js';
import { EXPORT_PREFIX } from './resolve-contract.js';

/** Declared properties whose value is a file (inverse, reference), from the spec's rules. */
export const pathPropertyKeys = (spec: ZenithAbiSpec): string[] =>
  spec.rules.flatMap((rule) =>
    rule.declaredBy?.takes === 'path' && rule.declaredBy.key !== 'fixtures'
      ? [rule.declaredBy.key]
      : [],
  );

/**
 * A contract as written (in a config file, a corpus manifest) with its paths resolved against
 * `dir`: the fixtures folder and every file-valued property; an `export:` name stays a name.
 */
export function contractWithPaths(
  written: { fixtures?: string | undefined; properties?: object | undefined },
  dir: string,
  spec: ZenithAbiSpec,
): PluginContract {
  const properties: Record<string, unknown> = { ...written.properties };
  for (const key of pathPropertyKeys(spec)) {
    const value = properties[key];
    if (typeof value === 'string' && !value.startsWith(EXPORT_PREFIX)) {
      properties[key] = resolve(dir, value);
    }
  }
  return {
    ...(written.fixtures !== undefined ? { fixtures: resolve(dir, written.fixtures) } : {}),
    properties: properties,
  };
}
