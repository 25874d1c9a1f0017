import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT, type Placement } from '../../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase, type CallCaseRun } from '../../../src/abi/call-case.js';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import { describeCall, describeCase, describePlacement } from '../../../src/abi/describe-call.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { load, utf8 } from '../host/fixtures.js';
import { COPY, greedy, resize } from './plugins.js';

const spec = new SpecIndex(loadSpec());
const PROCESS = callShapeOf(spec, 'process');
const RESIZE = callShapeOf(spec, 'resize_image');
const hex = (value: number) => `0x${value.toString(16)}`;

describe('describePlacement', () => {
  it.each<{ placement: Placement; text: string }>([
    { placement: DEFAULT_PLACEMENT, text: 'apart, 8-aligned' },
    { placement: { ...DEFAULT_PLACEMENT, layout: 'adjacent' }, text: 'adjacent, 8-aligned' },
    {
      placement: { layout: 'output-at-end', misalign: { input: 3, output: 0, cell: 1, params: 0 } },
      text: 'output-at-end, misaligned input+3 cell+1',
    },
    {
      placement: { layout: 'apart', misalign: { input: 0, output: 0, cell: 0, params: 7 } },
      text: 'apart, misaligned params+7',
    },
  ])('$text', ({ placement, text }) => {
    expect(describePlacement(placement)).toBe(text);
  });
});

describe('describeCase', () => {
  const run = (plugin: string, testCase: CallCase): CallCaseRun =>
    runCallCase(load(plugin), PROCESS, testCase, 1 << 20);

  it('before a run: the input and the placement', () => {
    const testCase: CallCase = {
      input: utf8('abc'),
      placement: DEFAULT_PLACEMENT,
      capacity: { kind: 'exact' },
    };
    expect(describeCase(testCase, undefined)).toBe(
      'input: 3 bytes [61 62 63] (UTF-8 "abc"); placement: apart, 8-aligned',
    );
  });

  it.each<{ capacity: CallCase['capacity']; text: string }>([
    {
      capacity: { kind: 'exact' },
      text: 'capacity: 3 (needed 3), chosen as exactly the needed size',
    },
    {
      capacity: { kind: 'above', extra: 4 },
      text: 'capacity: 7 (needed 3), chosen as the needed size + 4',
    },
    { capacity: { kind: 'zero' }, text: 'capacity: 0, chosen as 0' },
    { capacity: { kind: 'ample' }, text: 'capacity: 262, chosen as ample' },
  ])('after a run: $text', ({ capacity, text }) => {
    const testCase: CallCase = { input: utf8('abc'), placement: DEFAULT_PLACEMENT, capacity };
    expect(describeCase(testCase, run(COPY, testCase))).toBe(
      `input: 3 bytes [61 62 63] (UTF-8 "abc"); placement: apart, 8-aligned; ${text}`,
    );
  });

  it('says so when the needed size could not be learned', () => {
    const testCase: CallCase = {
      input: Uint8Array.of(0xff, 0),
      placement: DEFAULT_PLACEMENT,
      capacity: { kind: 'below', fraction: 0.5 },
    };
    expect(describeCase(testCase, run(greedy(1), testCase))).toBe(
      'input: 2 bytes [ff 00] (not valid UTF-8); placement: apart, 8-aligned; ' +
        'capacity: 260 (ample; the needed size could not be learned)',
    );
  });

  it('lists the params fields of a derived-size case', () => {
    const testCase: CallCase = {
      input: new Uint8Array(0),
      fields: { src_width: 1, src_height: 2, dst_width: 3, dst_height: 4 },
      placement: DEFAULT_PLACEMENT,
      capacity: { kind: 'ample' },
    };
    const result = runCallCase(load(resize()), RESIZE, testCase, 1 << 20);
    expect(describeCase(testCase, result)).toBe(
      'input: empty (0 bytes); params: src_width=1, src_height=2, dst_width=3, dst_height=4; ' +
        'placement: apart, 8-aligned',
    );
  });
});

describe('describeCall', () => {
  it('names every argument by role with the addresses used', () => {
    const testCase: CallCase = {
      input: utf8('abc'),
      placement: DEFAULT_PLACEMENT,
      capacity: { kind: 'exact' },
    };
    const result = runCallCase(load(COPY), PROCESS, testCase, 1 << 20);
    const at = result.main.addresses;
    expect(describeCall(PROCESS, result, 3)).toBe(
      `process(input_ptr=${hex(at.input)}, input_len=3, output_ptr=${hex(at.output)}, ` +
        `output_len=${hex(at.cell)} (holding 3))`,
    );
  });

  it('a params export shows its params pointer', () => {
    const testCase: CallCase = {
      input: new Uint8Array(3),
      fields: { src_width: 1, src_height: 1, dst_width: 1, dst_height: 1 },
      placement: DEFAULT_PLACEMENT,
      capacity: { kind: 'ample' },
    };
    const result = runCallCase(load(resize()), RESIZE, testCase, 1 << 20);
    const at = result.main.addresses;
    expect(describeCall(RESIZE, result, 3)).toBe(
      `resize_image(input_ptr=${hex(at.input)}, params_ptr=${hex(at.params)}, output_ptr=${hex(at.output)})`,
    );
  });

  it('without a run: the export and an ellipsis', () => {
    expect(describeCall(PROCESS, undefined, 3)).toBe('process(...)');
  });
});
