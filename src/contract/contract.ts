import type { DeclaredProperties } from '../spec-model/config-types.generated.js';
import type { Fixture } from './fixture.js';

export type { DeclaredProperties } from '../spec-model/config-types.generated.js';

/**
 * What a plugin's author declares about it beyond the ABI, as a library caller gives it: a
 * folder of golden fixtures and properties from the spec's closed vocabulary (`declaredBy` of
 * the FIX and PROP rules). Paths are absolute or relative to the working directory; a config
 * file's loader resolves them against the file first.
 */
export interface PluginContract {
  fixtures?: string;
  properties?: DeclaredProperties;
  /** The config file it came from: replay commands carry it, messages name it. */
  configPath?: string;
}

/**
 * The contract as the check worker gets it: plain data (it crosses postMessage), fixtures
 * read and parsed, paths absolute.
 */
export interface CheckContract {
  properties: DeclaredProperties;
  fixtures?: { dir: string; cases: Fixture[] };
  /** --update-fixtures: the fixture rule records what the plugin returns instead of judging. */
  updateFixtures?: boolean;
  configPath?: string;
}
