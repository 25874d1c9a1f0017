// GitHub workflow commands and the job summary: levels follow the exit code, escaping follows
// GitHub's workflow-commands documentation, and nothing a plugin writes becomes a command.
import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  renderGithubAnnotations,
  withCommandsStopped,
  workflowCommand,
} from '../../../src/report/github.js';
import { renderGithubSummary } from '../../../src/report/github-summary.js';
import { panicLocation } from '../../../src/report/findings.js';
import type {
  ConformanceReport,
  RuleResult,
} from '../../../src/spec-model/report-types.generated.js';
import { HOSTILE } from '../../helpers/hostile-text.js';
import { hostileReport } from './fixtures.js';

const result = (rule: string, overrides: Partial<RuleResult>): RuleResult => ({
  rule,
  level: 'must',
  area: rule.split('-')[1]!,
  description: `description of ${rule}`,
  status: 'pass',
  message: `message of ${rule}`,
  durationMs: 1,
  ...overrides,
});

function reportOf(results: RuleResult[], strict = false): ConformanceReport {
  const counts = { pass: 1, fail: 1, skip: 0, mustFailed: 1, shouldFailed: 1, error: 0 };
  return {
    tool: { name: 'zenith-conform', version: '0.1.0', node: 'v20' },
    spec: { abi: 'zenith', version: '1.0.0' },
    settings: { seed: 42, runs: 100, limits: {}, ...(strict ? { strict: true } : {}) },
    plugins: [{ source: 'dist/p.wasm', verdict: 'fail', results, counts }],
    summary: { plugins: 1, passed: 0, failed: 1, errors: 0, ok: false },
  };
}

/** Reads workflow commands back as the runner does: `::name props::message`, unescaped. */
function parseCommands(text: string) {
  const unescape = (value: string) =>
    value
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  return text
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!match) throw new Error(`not a workflow command: ${line}`);
      const properties = Object.fromEntries(
        (match[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((pair) => {
            const equals = pair.indexOf('=');
            return [pair.slice(0, equals), unescape(pair.slice(equals + 1))];
          }),
      );
      return { name: match[1]!, properties, message: unescape(match[3]!) };
    });
}

const MIXED: RuleResult[] = [
  result('ZC-MOD-001', {}),
  result('ZC-CALL-002', { status: 'fail', message: 'trapped on 1 byte' }),
  result('ZC-CALL-010', { level: 'should', status: 'fail', message: 'no needed size' }),
  result('ZC-CALL-009', {
    status: 'fail',
    expectation: { outcome: 'expected-failure', reason: 'known' },
  }),
  result('ZC-INFO-001', { expectation: { outcome: 'unexpected-pass', reason: 'stale' } }),
  result('ZC-INFO-004', { status: 'skip', skipKind: 'blocked', message: 'trapped first' }),
  result('ZC-LOG-001', { status: 'skip', skipKind: 'not-applicable', message: 'no host_log' }),
  result('ZC-CALL-004', { warnings: ['only 3 of 100 cases were accepted'] }),
];

describe('escaping, as the workflow-commands documentation gives it', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
    // % first: an escape already in the text is not read back as a character.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('writes one line per command with its properties in order', () => {
    expect(workflowCommand('error', { file: 'a,b.wasm', line: 3, col: undefined }, 'x')).toBe(
      '::error file=a%2Cb.wasm,line=3::x\n',
    );
  });
});

describe('the annotations of a run', () => {
  it('has one command per failed rule, at the level the exit code gives it', () => {
    const commands = parseCommands(renderGithubAnnotations(reportOf(MIXED)));
    expect(commands.map((c) => [c.name, c.properties['title']])).toEqual([
      ['error', 'ZC-CALL-002'],
      ['warning', 'ZC-CALL-010'],
      ['error', 'ZC-INFO-001'],
      ['error', 'ZC-INFO-004'],
      ['warning', 'ZC-CALL-004'],
    ]);
    expect(commands[0]!.properties['file']).toBe('dist/p.wasm');
    expect(commands[0]!.message).toBe('trapped on 1 byte');
    expect(commands[2]!.message).toMatch(/--expect lists it as failing \(stale\)/);
    expect(commands[3]!.message).toBe('could not be checked: trapped first');
  });

  it('makes should failures and census warnings errors with --strict', () => {
    const commands = parseCommands(renderGithubAnnotations(reportOf(MIXED, true)));
    expect(commands.map((c) => c.name)).toEqual(['error', 'error', 'error', 'error', 'error']);
  });

  it('points at the source line of a Rust panic the failure quotes', () => {
    const panicking = result('ZC-CALL-002', {
      status: 'fail',
      failures: [
        { expected: 'a return code', found: 'trapped (trap: unreachable)' },
        {
          expected: 'a return code',
          found: 'trapped',
          output: {
            stdout: '',
            stderr: "thread 'main' panicked at src/lib.rs:12:5:\nboom",
            log: [],
          },
        },
      ],
    });
    const [command] = parseCommands(renderGithubAnnotations(reportOf([panicking])));
    expect(command!.properties).toEqual({
      file: 'src/lib.rs',
      line: '12',
      col: '5',
      title: 'ZC-CALL-002',
    });
  });

  it('reads both of Rust panic formats, and nothing else', () => {
    const found = (text: string) => panicLocation([{ expected: '', found: text }]);
    expect(
      found("panicked at 'called `Result::unwrap()` on an `Err`', my-crate/src/lib.rs:104:38"),
    ).toEqual({ file: 'my-crate/src/lib.rs', line: 104, column: 38 });
    expect(found('panicked at src/main.rs:1:2:\nindex out of bounds')).toEqual({
      file: 'src/main.rs',
      line: 1,
      column: 2,
    });
    expect(found('see src/lib.rs:1:2, no panic')).toBeUndefined();
  });

  it('names a plugin that could not be read', () => {
    const commands = parseCommands(renderGithubAnnotations(hostileReport()));
    const unreadable = commands.find((c) => c.properties['title'] === 'ZC_NOT_FOUND');
    expect(unreadable?.name).toBe('error');
    expect(unreadable?.message).toMatch(/no such file$/);
  });

  it('cannot be made to run a second command by what a plugin writes', () => {
    const injected = '\n::error::pwned\r\n::add-mask::x\r::stop-commands::t';
    const report = reportOf([
      result('ZC-CALL-002', { status: 'fail', message: `boom ${injected} ${HOSTILE}` }),
    ]);
    report.plugins[0]!.source = `p${injected},title=fake:x.wasm`;
    const text = renderGithubAnnotations(report);
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(text).not.toMatch(/\r/);
    const [command] = parseCommands(text);
    expect(Object.keys(command!.properties)).toEqual(['file', 'title']);
    expect(command!.properties['title']).toBe('ZC-CALL-002');
    expect(command!.properties['file']).toBe(
      'p\\n::error::pwned\\r\\n::add-mask::x\\r::stop-commands::t,title=fake:x.wasm',
    );
    expect(command!.message).not.toContain('\x1b');
  });

  it('is empty for a run that passed', () => {
    expect(renderGithubAnnotations(reportOf([result('ZC-MOD-001', {})]))).toBe('');
  });
});

describe('the job summary', () => {
  it('has a table per plugin: verdict and counts, then the failing rules with levels', () => {
    const summary = renderGithubSummary(reportOf(MIXED));
    expect(summary).toContain('### dist/p.wasm');
    expect(summary).toContain('| ❌ fail | 1 | 1 | 1 | 0 | 0 | 0 |');
    expect(summary).toContain('| ZC-CALL-002 | must | fails the run | trapped on 1 byte |');
    expect(summary).toContain('| ZC-CALL-010 | should | does not fail the run | no needed size |');
    expect(summary).not.toContain('ZC-CALL-009');
    expect(summary).not.toContain('ZC-MOD-001');
  });

  it('keeps plugin text literal: no HTML, no broken cells, no raw controls', () => {
    const report = reportOf([
      result('ZC-CALL-002', { status: 'fail', message: `<img src=x> a | b **c** ${HOSTILE}` }),
    ]);
    report.plugins[0]!.source = '</table><script>x</script>.wasm';
    const summary = renderGithubSummary(report);
    expect(summary).not.toMatch(/<(img|script|\/table)/);
    expect(summary).toContain('&lt;img src=x&gt; a \\| b \\*\\*c\\*\\*');
    expect(summary).not.toContain('\x1b');
    const rows = summary.split('\n').filter((line) => line.startsWith('| ZC-'));
    // Unescaped pipes are the cell borders: five of them for four cells.
    expect(rows.map((line) => line.replace(/\\\|/g, '').split('|').length - 1)).toEqual([5]);
  });
});

describe('the text report under Actions', () => {
  it('is printed with command processing stopped, under a token it cannot guess', () => {
    const text = 'plugins/x.wasm\n::error::pwned.wasm  (1 KiB)\n  PASS\n';
    const fenced = withCommandsStopped(text, 'tok');
    expect(fenced).toBe(`::stop-commands::tok\n${text}::tok::\n`);
    const tokens = new Set(
      [withCommandsStopped(text), withCommandsStopped(text)].map((out) => out.split('\n')[0]),
    );
    expect(tokens.size).toBe(2);
    expect([...tokens][0]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/);
  });
});
