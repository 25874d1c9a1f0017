import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The Rust plugin sets scripts/build-plugins.ts builds: the reference workspace, and the broken
// fixtures made from it by patches.

export const REFERENCE_WORKSPACE = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'reference-plugins',
);

export type PluginSetName = 'reference' | 'broken';

interface PluginSetBase {
  name: PluginSetName;
  /** Where the committed modules and BUILD-INFO.json live: the default output directory. */
  dist: string;
  /**
   * Where the set goes inside --out and --target-dir: '' for that directory itself, otherwise
   * a subdirectory of it. Two sets never share a cargo target directory, so a crate in one
   * cannot overwrite a same-named module of the other.
   */
  subdir: string;
}

/** A committed cargo workspace whose cdylib members are built into one output directory. */
export interface WorkspacePluginSet extends PluginSetBase {
  name: 'reference';
  /** The directory holding the workspace's Cargo.toml and Cargo.lock. */
  workspace: string;
}

/** Plugins made from reference crates by patches, built in a generated workspace. */
export interface MutationPluginSet extends PluginSetBase {
  name: 'broken';
  /** The directory holding one `<fixture>.patch` per plugin. */
  mutations: string;
  /** The workspace whose members the patches start from. */
  baseWorkspace: string;
}

export type PluginSet = WorkspacePluginSet | MutationPluginSet;

export const PLUGIN_SETS: readonly PluginSet[] = [
  {
    name: 'reference',
    workspace: REFERENCE_WORKSPACE,
    dist: join(REFERENCE_WORKSPACE, 'dist'),
    subdir: '',
  },
  {
    name: 'broken',
    mutations: join(REFERENCE_WORKSPACE, 'broken', 'mutations'),
    baseWorkspace: REFERENCE_WORKSPACE,
    dist: join(REFERENCE_WORKSPACE, 'broken', 'dist'),
    subdir: 'broken',
  },
];

/** Where a mutation set's generated workspace goes, inside its cargo target directory. */
export const mutationWorkspace = (targetDir: string) => join(targetDir, 'workspace');
