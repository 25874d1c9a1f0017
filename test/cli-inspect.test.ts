// `zenith-conform inspect` through the built bin: text, --json, help and its errors.
import { describe, expect, it } from 'vitest';
import type { InspectReport } from '../src/inspect/inspect-types.js';
import { renderInspectHelp } from '../src/cli/options.js';
import { cli } from './helpers/cli.js';

const ECHO = 'reference-plugins/dist/echo.wasm';

describe('zenith-conform inspect', () => {
  it('prints what the module holds, without running it', async () => {
    const run = await cli(['inspect', ECHO]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^reference-plugins\/dist\/echo\.wasm {2}\(2\.9 KiB, sha256 /);
    expect(run.stdout).toContain('plugin_info: "echo v1.0.0" at 0x100000');
    expect(run.stdout).toMatch(
      /process +function +\(i32, i32, i32, i32\) -> i32 {2}process\(input_ptr: input-ptr, /,
    );
    expect(run.stdout).toMatch(/ZC-TOK-001 +must +not applicable: `tokenize` not exported/);
    expect(run.stderr).toBe('');
  });

  it('prints one JSON entry per plugin with --json', async () => {
    const run = await cli(['inspect', '--json', ECHO, 'reference-plugins/dist/tokenizer.wasm']);
    expect(run.exitCode).toBe(0);
    const reports = JSON.parse(run.stdout) as InspectReport[];
    expect(reports.map((report) => report.source)).toEqual([
      ECHO,
      'reference-plugins/dist/tokenizer.wasm',
    ]);
    expect(reports[1]!.pluginInfo).toMatchObject({ found: true, text: 'tokenizer v1.0.0' });
  });

  it('says which path it could not read, inspects the rest, and exits 2', async () => {
    const run = await cli(['inspect', 'nope.wasm', ECHO]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('zenith-conform inspect: nope.wasm: no such file\n');
    expect(run.stdout).toContain('echo v1.0.0');
  });

  it('has help rendered from its option table, and refuses unknown options', async () => {
    const help = await cli(['inspect', '--help']);
    expect(help.stdout).toBe(renderInspectHelp());
    expect(help.stdout).toMatch(/--json +Print the inspection as JSON/);
    const bad = await cli(['inspect', '--jsn', ECHO]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(
      /^zenith-conform inspect: unknown option --jsn \(did you mean --json\?\)/,
    );
    const none = await cli(['inspect']);
    expect(none.stderr).toBe(
      'zenith-conform inspect: no plugin given: zenith-conform inspect [options] <plugin...> (see zenith-conform inspect --help)\n',
    );
  });
});
