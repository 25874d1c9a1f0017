// The broken set's generated cargo workspace: each fixture is a reference crate plus one patch
// (reference-plugins/broken/mutations/<fixture>.patch), applied strictly by apply-patch.ts.

import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatchToFiles, parsePatch, type ParsedPatch } from './apply-patch.js';
import type { MutationPluginSet } from './plugin-sets.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Mutation {
  /** The fixture's name: the patch's file name, and the package name the patch sets. */
  fixture: string;
  patchFile: string;
  /** The `Base:` field: the reference crate (a member of the base workspace) it patches. */
  base: string;
  /** The `Bug:` field: what the patch breaks, in one line. */
  bug: string;
  patch: ParsedPatch;
}

/**
 * The `Key: value` lines of a patch's header (the text before its first `---`). A line that
 * starts with whitespace continues the field above it; other lines are free text.
 */
export function headerFields(header: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of header) {
    const field = /^([A-Z][A-Za-z-]*): (.*)$/.exec(line);
    if (field) {
      last = field[1]!;
      fields.set(last, field[2]!.trim());
    } else if (last !== undefined && /^\s+\S/.test(line)) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
    } else {
      last = undefined;
    }
  }
  return fields;
}

/** The `members = [...]` of a workspace manifest, and the regex that finds it. */
const MEMBERS = /^members\s*=\s*\[([^\]]*)\]/m;

function workspaceMemberNames(manifest: string, source: string): string[] {
  const members = MEMBERS.exec(manifest);
  if (!members) throw new Error(`${source}: no \`members = [...]\` list`);
  return [...members[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

/** A `key = "value"` of a Cargo.toml's [package] table (enough for our simple manifests). */
function packageField(manifest: string, key: string, source: string): string {
  const table = /^\[package\]\s*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(manifest)?.[1] ?? '';
  const value = new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(table)?.[1];
  if (value === undefined) throw new Error(`${source}: no ${key} = "..." in [package]`);
  return value;
}

/** Reads every `<fixture>.patch` of a mutation set and checks its header against the bases. */
export async function readMutations(set: MutationPluginSet): Promise<Mutation[]> {
  const baseManifest = join(set.baseWorkspace, 'Cargo.toml');
  const bases = workspaceMemberNames(await readFile(baseManifest, 'utf8'), baseManifest);
  const names = (await readdir(set.mutations)).filter((f) => f.endsWith('.patch')).sort();
  if (names.length === 0) throw new Error(`no *.patch in ${set.mutations}`);
  const mutations: Mutation[] = [];
  for (const name of names) {
    const patchFile = join(set.mutations, name);
    const source = relative(REPO_ROOT, patchFile);
    const fixture = name.slice(0, -'.patch'.length);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(fixture)) {
      throw new Error(`${source}: a fixture name is lowercase letters, digits and dashes`);
    }
    const patch = parsePatch(await readFile(patchFile, 'utf8'), source);
    const fields = headerFields(patch.header);
    const base = fields.get('Base');
    const bug = fields.get('Bug');
    if (base === undefined || bug === undefined) {
      throw new Error(`${source}: the header (before the first ---) needs a Base: and a Bug: line`);
    }
    if (!bases.includes(base)) {
      throw new Error(
        `${source}: Base: ${base} is not a member of ${relative(REPO_ROOT, baseManifest)} (${bases.join(', ')})`,
      );
    }
    mutations.push({ fixture, patchFile, base, bug, patch });
  }
  return mutations;
}

/** Every file under `dir` (posix paths relative to it), skipping cargo `target` directories. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'target') files.push(...(await filesUnder(dir, path)));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files.sort();
}

/**
 * The generated workspace: for each mutation its base crate with the patch applied, a
 * Cargo.toml listing them (the base workspace's, so the profile is the same) and a Cargo.lock.
 */
export async function mutationWorkspaceFiles(
  set: MutationPluginSet,
  mutations: readonly Mutation[],
): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  const lock = [
    '# This file is automatically @generated by Cargo.',
    '# It is not intended for manual editing.',
    'version = 3',
  ];
  for (const mutation of mutations) {
    const baseDir = join(set.baseWorkspace, mutation.base);
    const crate = new Map<string, Buffer>();
    // Everything cargo might read (a build.rs, an include_str! file), but not the README,
    // which would present the fixture as a reference plugin.
    for (const path of await filesUnder(baseDir)) {
      if (path !== 'README.md') crate.set(path, await readFile(join(baseDir, path)));
    }
    const touched = new Map(
      mutation.patch.files
        .filter((file) => crate.has(file.path))
        .map((file) => [file.path, crate.get(file.path)!.toString('utf8')]),
    );
    // Strict: a hunk that does not match its reference exactly fails the build here.
    const { files: patched, notes } = applyPatchToFiles(mutation.patch, touched);
    for (const note of notes) console.error(`build-plugins: note: ${note}; refresh the patch`);
    const manifest = patched.get('Cargo.toml') ?? crate.get('Cargo.toml')?.toString('utf8');
    const source = `${mutation.patch.source} applied to ${relative(REPO_ROOT, baseDir)}`;
    if (manifest === undefined) throw new Error(`${source}: no Cargo.toml`);
    const packageName = packageField(manifest, 'name', `${source}: Cargo.toml`);
    if (packageName !== mutation.fixture) {
      throw new Error(
        `${source}: the package is named ${packageName}; the patch must rename it to ${mutation.fixture}`,
      );
    }
    for (const [path, bytes] of crate) {
      files.set(`${mutation.fixture}/${path}`, patched.get(path) ?? bytes);
    }
    const version = packageField(manifest, 'version', `${source}: Cargo.toml`);
    lock.push('', '[[package]]', `name = ${JSON.stringify(packageName)}`, `version = "${version}"`);
  }

  // The base workspace's manifest minus its leading comment, with our members: the same
  // [profile.release] (and anything else), so the fixtures build exactly like the references.
  const baseManifest = join(set.baseWorkspace, 'Cargo.toml');
  const members = mutations.map((m) => `    ${JSON.stringify(m.fixture)},\n`).join('');
  const body = (await readFile(baseManifest, 'utf8'))
    .replace(/^(?:#.*\n)*/, '')
    .replace(MEMBERS, `members = [\n${members}]`);
  files.set(
    'Cargo.toml',
    [
      '# Generated by scripts/build-plugins.ts on every build; edits here are overwritten.',
      '# The broken-plugin fixtures: each member is a reference plugin with',
      '# reference-plugins/broken/mutations/<member>.patch applied. The rest of this file is',
      `# ${relative(REPO_ROOT, baseManifest)}'s, so the fixtures build like their references.`,
      body,
    ].join('\n'),
  );
  // Written rather than resolved, so `--locked` holds: the bases have no dependencies (a
  // dependency would make cargo refuse this lock file, not build with another version).
  files.set('Cargo.lock', `${lock.join('\n')}\n`);
  return files;
}

/**
 * Makes `root` hold exactly `files`: writes the files whose content differs (so unchanged
 * sources keep their mtimes, and cargo rebuilds only what changed) and deletes the others,
 * except a `target` directory a developer's own cargo run may have left at the top.
 */
export async function syncDirectory(root: string, files: ReadonlyMap<string, string | Buffer>) {
  await mkdir(root, { recursive: true });
  for (const path of await filesUnder(root)) {
    if (!files.has(path)) await rm(join(root, path));
  }
  for (const [path, content] of files) {
    const target = join(root, path);
    const wanted = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const current = await readFile(target).catch(() => undefined);
    if (current?.equals(wanted)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, wanted);
  }
}

/**
 * Builds a mutation set: generates its workspace in `<targetDir>/workspace` (one crate per
 * patch: the base crate copied and patched), then builds that like any workspace into `out`.
 */
