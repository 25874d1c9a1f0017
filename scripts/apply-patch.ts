// A small, strict applier for unified diffs (`diff -u`, `git diff`): what scripts/build-plugins.ts
// uses to turn a reference plugin plus reference-plugins/broken/mutations/<fixture>.patch into a
// broken fixture. Strict on purpose, so that a fixture can never silently drift from its
// reference: every context and removed line of a hunk must match the file byte for byte. No
// fuzz (no context line may be dropped), no whitespace leniency; a hunk that does not match is
// an error naming the patch, the file, the hunk and the first line that differs.
//
// Like `git apply`, a hunk whose lines all match exactly, but a few lines away from where its
// header says (the reference gained or lost lines above it), still applies if those lines occur
// exactly once in the rest of the file; two or more matches are an error. Every such offset is
// reported as a note, so the patch can be refreshed.
//
// Supported: any number of files and hunks, `\ No newline at end of file`, and text before the
// first `--- ` line (a description, ignored here as by `patch` and `git apply`). An empty line
// inside a hunk is read as an empty context line (editors trim the lone space). Not supported
// (an error): creating, deleting or renaming files, binary patches, and anything between hunks
// that is not a hunk or the next file (`diff --git` and `index` lines included).
//
//   tsx scripts/apply-patch.ts <file.patch> <dir>    applies the patch in place under <dir>

import { realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A patch that is malformed or does not apply: the message says where and why. */
export class PatchError extends Error {
  override name = 'PatchError';
}

export interface HunkLine {
  kind: ' ' | '-' | '+';
  /** The line's text with its line terminator (none for a last line without a newline). */
  text: string;
  /** 1-based line number in the patch file. */
  patchLine: number;
}

export interface Hunk {
  /** The `@@ -a,b +c,d @@` line as written. */
  header: string;
  /** 1-based line number of the header in the patch file. */
  patchLine: number;
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: HunkLine[];
}

export interface FilePatch {
  /** Path relative to the directory the patch applies to (`src/lib.rs` for `a/src/lib.rs`). */
  path: string;
  hunks: Hunk[];
}

export interface ParsedPatch {
  /** Where the patch came from, for messages. */
  source: string;
  /** The lines before the first `--- ` line, without terminators. */
  header: string[];
  files: FilePatch[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Splits text into lines that keep their `\n` (the last one may have none). */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

const withoutNewline = (line: string) => line.replace(/\n$/, '');

/** `a/src/lib.rs` → `src/lib.rs`: a relative path that stays inside the patched directory. */
function filePath(line: string, prefix: '--- ' | '+++ ', side: 'a/' | 'b/', where: string) {
  // `diff -u` may follow the name with a tab and a timestamp.
  const raw = withoutNewline(line).slice(prefix.length).split('\t')[0]!;
  if (raw === '/dev/null') {
    throw new PatchError(`${where}: creating or deleting files is not supported (${raw})`);
  }
  if (!raw.startsWith(side)) {
    throw new PatchError(`${where}: expected a path starting with ${side}, found ${raw}`);
  }
  const path = raw.slice(side.length);
  const parts = path.split('/');
  if (
    path === '' ||
    path.includes('\\') ||
    parts.some((p) => p === '' || p === '.' || p === '..')
  ) {
    throw new PatchError(`${where}: ${raw} is not a plain relative path`);
  }
  return path;
}

/** Parses a unified diff. Throws {@link PatchError} for anything it does not understand. */
export function parsePatch(text: string, source: string): ParsedPatch {
  const lines = splitLines(text);
  const at = (i: number) => `${source}:${i + 1}`;
  let i = 0;
  const header: string[] = [];
  while (i < lines.length && !lines[i]!.startsWith('--- '))
    header.push(withoutNewline(lines[i++]!));
  if (i === lines.length) throw new PatchError(`${source}: no file in the patch (no --- line)`);

  const files: FilePatch[] = [];
  while (i < lines.length) {
    const oldPath = filePath(lines[i]!, '--- ', 'a/', at(i));
    i++;
    if (!lines[i]?.startsWith('+++ ')) throw new PatchError(`${at(i)}: expected +++ after ---`);
    const newPath = filePath(lines[i]!, '+++ ', 'b/', at(i));
    if (newPath !== oldPath) {
      throw new PatchError(`${at(i)}: renaming ${oldPath} to ${newPath} is not supported`);
    }
    if (files.some((f) => f.path === oldPath)) {
      throw new PatchError(`${at(i)}: ${oldPath} is patched twice`);
    }
    i++;
    const file: FilePatch = { path: oldPath, hunks: [] };
    files.push(file);

    while (i < lines.length && lines[i]!.startsWith('@@')) {
      const headerLine = withoutNewline(lines[i]!);
      const match = HUNK_HEADER.exec(headerLine);
      if (!match) throw new PatchError(`${at(i)}: malformed hunk header ${headerLine}`);
      const hunk: Hunk = {
        header: headerLine,
        patchLine: i + 1,
        oldStart: Number(match[1]),
        oldCount: match[2] === undefined ? 1 : Number(match[2]),
        newStart: Number(match[3]),
        newCount: match[4] === undefined ? 1 : Number(match[4]),
        lines: [],
      };
      const name = `${source}: hunk ${file.hunks.length + 1} of ${file.path} (${headerLine}, line ${i + 1})`;
      i++;
      let oldSeen = 0;
      let newSeen = 0;
      while (oldSeen < hunk.oldCount || newSeen < hunk.newCount) {
        const line = lines[i];
        if (line === undefined) {
          throw new PatchError(`${name}: the patch ends inside the hunk`);
        }
        // An empty line is an empty context line whose leading space an editor trimmed.
        const kind = line === '\n' ? ' ' : line[0];
        if (kind !== ' ' && kind !== '-' && kind !== '+') {
          throw new PatchError(
            `${name}: line ${i + 1} is not a context, removed or added line, but the header ` +
              `promises ${hunk.oldCount - oldSeen} more old and ${hunk.newCount - newSeen} more new lines`,
          );
        }
        if (kind !== '+') oldSeen++;
        if (kind !== '-') newSeen++;
        if (oldSeen > hunk.oldCount || newSeen > hunk.newCount) {
          throw new PatchError(`${name}: line ${i + 1} is one more than the header counts`);
        }
        hunk.lines.push({ kind, text: line === '\n' ? '\n' : line.slice(1), patchLine: i + 1 });
        i++;
        if (lines[i]?.startsWith('\\')) {
          // `\ No newline at end of file`: the line before it has no terminator.
          const last = hunk.lines[hunk.lines.length - 1]!;
          if (!last.text.endsWith('\n')) {
            throw new PatchError(`${at(i)}: a second "no newline" marker for one line`);
          }
          last.text = last.text.slice(0, -1);
          i++;
        }
      }
      if (hunk.lines.length === 0) throw new PatchError(`${name}: an empty hunk`);
      file.hunks.push(hunk);
    }
    if (file.hunks.length === 0) throw new PatchError(`${at(i)}: no hunk for ${file.path}`);
    if (i < lines.length && !lines[i]!.startsWith('--- ')) {
      throw new PatchError(
        `${at(i)}: expected a hunk (@@), the next file (---) or the end of the patch, found ` +
          JSON.stringify(withoutNewline(lines[i]!)) +
          (/^[ +-]/.test(lines[i]!) ? ' (are the counts in the hunk header above too small?)' : ''),
      );
    }
    checkHunkOrder(file, source);
  }
  return { source, header, files };
}

/**
 * Where a hunk starts, 0-based: `@@ -5,3` starts at index 4; a hunk with no old lines
 * (`@@ -5,0`) inserts after line 5, at index 5.
 */
const oldIndex = (hunk: Hunk) => (hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1);
const newIndex = (hunk: Hunk) => (hunk.newCount === 0 ? hunk.newStart : hunk.newStart - 1);

/** Hunks must be in order, must not overlap, and their new positions must add up. */
function checkHunkOrder(file: FilePatch, source: string): void {
  let oldEnd = 0;
  let delta = 0;
  file.hunks.forEach((hunk, n) => {
    const name = `${source}: hunk ${n + 1} of ${file.path} (${hunk.header}, line ${hunk.patchLine})`;
    if (oldIndex(hunk) < oldEnd) {
      throw new PatchError(`${name}: starts before the end of the hunk before it`);
    }
    if (newIndex(hunk) !== oldIndex(hunk) + delta) {
      throw new PatchError(
        `${name}: the new start should be ${oldIndex(hunk) + delta + (hunk.newCount === 0 ? 0 : 1)} ` +
          'after the hunks before it',
      );
    }
    oldEnd = oldIndex(hunk) + hunk.oldCount;
    delta += hunk.newCount - hunk.oldCount;
  });
}

/** The first of a hunk's old lines that differs from `lines` at `start`, if any. */
function firstMismatch(lines: readonly string[], hunk: Hunk, start: number) {
  let at = start;
  for (const line of hunk.lines) {
    if (line.kind === '+') continue;
    if (lines[at] !== line.text) return { at, line };
    at++;
  }
  return undefined;
}

export interface AppliedFile {
  text: string;
  /** One message per hunk that applied away from the line its header names. */
  notes: string[];
}

/** Applies one file's hunks to its text, exactly, or throws a {@link PatchError}. */
export function applyFilePatch(original: string, file: FilePatch, source: string): AppliedFile {
  const lines = splitLines(original);
  const out: string[] = [];
  const notes: string[] = [];
  let cursor = 0;
  // How far the previous hunk landed from its header: the next one is looked for there first.
  let offset = 0;
  file.hunks.forEach((hunk, n) => {
    const name = `${source}: hunk ${n + 1} of ${file.path} (${hunk.header}, patch line ${hunk.patchLine})`;
    const expected = oldIndex(hunk) + offset;
    let start = expected;
    const mismatch =
      expected < cursor || expected + hunk.oldCount > lines.length
        ? { at: expected, line: undefined }
        : firstMismatch(lines, hunk, expected);
    if (mismatch) {
      // Not where the header says: the same lines, exactly, once and only once further on?
      const matches: number[] = [];
      for (let at = cursor; at + hunk.oldCount <= lines.length; at++) {
        if (!firstMismatch(lines, hunk, at)) matches.push(at);
      }
      if (matches.length !== 1) {
        const actual = lines[mismatch.at];
        const why =
          mismatch.line === undefined
            ? `it would start at line ${expected + 1}, and the file has ${lines.length} lines`
            : `line ${mismatch.at + 1} is ` +
              (actual === undefined ? 'past the end of the file' : JSON.stringify(actual)) +
              `, the patch (line ${mismatch.line.patchLine}) expects ${JSON.stringify(mismatch.line.text)}`;
        throw new PatchError(
          matches.length === 0
            ? `${name} does not apply: ${why}`
            : `${name} does not apply where its header says (${why}), and its lines occur ` +
                `${matches.length} times ${n === 0 ? 'in the file' : 'after the hunk before it'} ` +
                `(lines ${matches.map((m) => m + 1).join(', ')})`,
        );
      }
      start = matches[0]!;
      offset = start - oldIndex(hunk);
      notes.push(
        `${name} applied at line ${start + 1}, ${Math.abs(start - expected)} line(s) ` +
          `${start > expected ? 'after' : 'before'} where its header says`,
      );
    }
    out.push(...lines.slice(cursor, start));
    let at = start;
    for (const line of hunk.lines) {
      if (line.kind === '+') {
        out.push(line.text);
      } else {
        if (line.kind === ' ') out.push(lines[at]!);
        at++;
      }
    }
    cursor = at;
  });
  out.push(...lines.slice(cursor));
  return { text: out.join(''), notes };
}

export interface AppliedPatch {
  /** Every file given, patched where the patch says. */
  files: Map<string, string>;
  /** The hunks that applied at an offset (see the top of this file). */
  notes: string[];
}

/**
 * Applies a patch to files held in memory (path relative to the patched directory → UTF-8
 * text). All-or-nothing: `files` is not modified, and nothing is returned unless every hunk
 * applies.
 */
export function applyPatchToFiles(
  patch: ParsedPatch,
  files: ReadonlyMap<string, string>,
): AppliedPatch {
  const result = new Map(files);
  const notes: string[] = [];
  for (const file of patch.files) {
    const original = files.get(file.path);
    if (original === undefined) {
      throw new PatchError(`${patch.source}: patches ${file.path}, which does not exist`);
    }
    const applied = applyFilePatch(original, file, patch.source);
    result.set(file.path, applied.text);
    notes.push(...applied.notes);
  }
  return { files: result, notes };
}

/** Applies a patch in place under `dir`. Nothing is written unless every hunk applies. */
export async function applyPatchToDirectory(
  patch: ParsedPatch,
  dir: string,
): Promise<AppliedPatch> {
  const files = new Map<string, string>();
  for (const file of patch.files) {
    try {
      files.set(file.path, await readFile(join(dir, file.path), 'utf8'));
    } catch {
      throw new PatchError(`${patch.source}: patches ${file.path}, which is not in ${dir}`);
    }
  }
  const applied = applyPatchToFiles(patch, files);
  for (const [path, text] of applied.files) await writeFile(join(dir, path), text);
  return applied;
}

async function main(args: string[]): Promise<number> {
  if (args.length !== 2 || args[0]!.startsWith('-')) {
    console.error('Usage: tsx scripts/apply-patch.ts <file.patch> <dir>');
    return 64;
  }
  const [patchFile, dir] = args as [string, string];
  try {
    const patch = parsePatch(await readFile(patchFile, 'utf8'), patchFile);
    const applied = await applyPatchToDirectory(patch, dir);
    for (const note of applied.notes) console.error(`note: ${note}`);
    for (const path of applied.files.keys()) console.error(`patched ${join(dir, path)}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
