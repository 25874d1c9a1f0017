// Every renderer that prints plugin-controlled text (output, plugin_info, file names, messages
// quoting them) shows escape sequences, controls and bidi overrides as visible escapes, with
// colour or without; JSON keeps the exact text.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderHuman } from '../../../src/report/human.js';
import { renderJunit } from '../../../src/report/junit.js';
import { createProgress } from '../../../src/cli/progress.js';
import { renderBenchText } from '../../../src/bench/render/text.js';
import { renderMarkdown, renderReadmeResults } from '../../../src/bench/render/markdown.js';
import { renderHtml } from '../../../src/bench/render/html.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { safeJsonStringify } from '../../../src/util/sanitize.js';
import { HOSTILE, HOSTILE_SHOWN, RAW_CONTROL, withoutSgr } from '../../helpers/hostile-text.js';
import { hostileBenchReport, hostileReport } from './fixtures.js';

const spec = loadSpec();

describe('the text report', () => {
  it('shows every plugin-controlled string escaped, without colour', () => {
    const text = renderHuman(hostileReport(), spec, false);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).not.toContain('\x1b');
    expect(text).toContain(`plugins/${HOSTILE_SHOWN}.wasm`);
    expect(text).toContain(`info ${HOSTILE_SHOWN} v1.0.0`);
    expect(text).toContain(`missing ${HOSTILE_SHOWN}.wasm: no such file`);
    for (const field of ['expected', 'where', 'call', 'case', 'reason', 'stale']) {
      expect(text).toContain(`${field} ${HOSTILE_SHOWN}`);
    }
  });

  it('keeps one-line fields on one line: a line feed in `found` is shown as \\n', () => {
    const text = renderHuman(hostileReport(), spec, false);
    expect(text).toContain(`found ${HOSTILE_SHOWN}\\nsecond line ${HOSTILE_SHOWN}`);
    expect(text).toContain(`stderr line 1 ${HOSTILE_SHOWN} | stderr line 2 ${HOSTILE_SHOWN}`);
  });

  it('with colour, holds only its own colour codes: without them it is the plain report', () => {
    const plain = renderHuman(hostileReport(), spec, false);
    const colour = renderHuman(hostileReport(), spec, true);
    expect(colour).not.toBe(plain);
    expect(withoutSgr(colour)).toBe(plain);
    expect(colour).not.toContain('\x1b[2J');
    expect(colour).not.toContain('\x1b[32mPASS');
  });

  it('does not change the report it renders', () => {
    const report = hostileReport();
    renderHuman(report, spec, true);
    expect(report).toEqual(hostileReport());
  });
});

describe('the JSON report', () => {
  it('keeps the exact text, with every control written as a \\u escape', () => {
    const json = safeJsonStringify(hostileReport(), 2);
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(hostileReport());
    // JSON.stringify alone leaves C1 controls (0x9b is CSI), DEL and bidi overrides raw.
    expect(JSON.stringify(hostileReport())).toMatch(RAW_CONTROL);
  });
});

describe('the JUnit report', () => {
  it('is valid XML 1.0 with visible escapes instead of controls', () => {
    const xml = renderJunit(hostileReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(RAW_CONTROL);
    expect(xml).not.toContain('\ufffd');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      testsuites: { testsuite: Array<{ '@_name': string }> };
    };
    expect(parsed.testsuites.testsuite[0]!['@_name']).toBe(`plugins/${HOSTILE_SHOWN}.wasm`);
    expect(xml).toContain(`stderr: stderr line 1 ${HOSTILE_SHOWN}\nstderr line 2`);
    expect(xml).toContain(`value="info ${HOSTILE_SHOWN} v1.0.0"`);
  });
});

describe('the progress line', () => {
  it.each([true, false])('shows file names escaped (terminal: %s)', (isTTY) => {
    let written = '';
    const progress = createProgress(
      (text) => (written += text),
      isTTY,
      () => 2,
      2,
    );
    const report = hostileReport();
    progress.rule(report.plugins[0]!.source, report.plugins[0]!.results[0]!);
    progress.plugin(report.plugins[0]!);
    progress.done();
    expect(written).toContain(HOSTILE_SHOWN);
    expect(written.replace(/\r/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('the bench reports', () => {
  it.each([false, true])('text (colour: %s) shows plugin text escaped', (color) => {
    const text = renderBenchText(hostileBenchReport(), color, [`out/${HOSTILE}.json`]);
    const plain = withoutSgr(text);
    expect(plain).not.toMatch(RAW_CONTROL);
    expect(plain).not.toContain('\x1b');
    expect(plain).toContain(`info ${HOSTILE_SHOWN} v1.0.0`);
    expect(plain).toContain(`error ${HOSTILE_SHOWN}`);
    expect(plain).toContain(`gate ${HOSTILE_SHOWN}`);
    expect(plain).toContain(`wrote out/${HOSTILE_SHOWN}.json`);
    if (color)
      expect(plain).toBe(renderBenchText(hostileBenchReport(), false, [`out/${HOSTILE}.json`]));
  });

  it('Markdown and the README table show plugin text escaped', () => {
    for (const markdown of [
      renderMarkdown(hostileBenchReport()),
      renderReadmeResults(hostileBenchReport()),
    ]) {
      expect(markdown).not.toMatch(RAW_CONTROL);
      expect(markdown).toContain(`info ${HOSTILE_SHOWN} v1.0.0`);
    }
  });

  it('HTML shows plugin text escaped', () => {
    const html = renderHtml(hostileBenchReport());
    expect(html).not.toMatch(RAW_CONTROL);
    expect(html).toContain(`info ${HOSTILE_SHOWN} v1.0.0`);
    expect(html).toContain(`trapped ${HOSTILE_SHOWN}`);
  });
});
