import type { SpecIndex } from '../../spec-model/spec-index.js';
import type { BenchInput } from '../inputs.js';
import type { JsBaselineChoice } from '../../spec-model/bench-report-types.generated.js';
import { copyJs } from './copy.js';
import { resizeImageJs, resizeProcessJs } from './resize.js';
import { createTokenizer, createTokenizerProcess } from './tokenizer.js';

/** One JavaScript run over a case's input, into a preallocated output. */
export interface JsTask {
  /** Returns the elements written, or a negative code for input it rejects. */
  run: () => number;
  /** The bytes the last run wrote, to compare with the plugin's output (a view, not a copy). */
  written: () => Uint8Array;
}

/**
 * The JavaScript baseline for a plugin. The profile decides first, because the spec defines
 * the algorithm of every plugin with that profile: a plugin exporting `tokenize` gets the
 * tokenizer, one exporting `resize_image` the resize. Otherwise the plugin_info name `echo`
 * gets the copy. Any other plugin has no baseline. Each case checks that the baseline writes
 * the plugin's output before a ratio is given.
 */
export function chooseJsBaseline(
  spec: SpecIndex,
  exports: ReadonlySet<string>,
  pluginName: string | undefined,
): JsBaselineChoice | null {
  for (const profile of spec.profiles) {
    if (!exports.has(profile.export)) continue;
    if (profile.whitespace) {
      return { name: 'tokenizer', rule: `profile ${profile.name} (exports \`${profile.export}\`)` };
    }
    if (profile.processInput) {
      return { name: 'resize', rule: `profile ${profile.name} (exports \`${profile.export}\`)` };
    }
  }
  if (pluginName === 'echo') return { name: 'copy', rule: 'plugin_info name `echo`' };
  return null;
}

export function jsTaskFor(
  spec: SpecIndex,
  baseline: JsBaselineChoice['name'],
  exportName: string,
  input: BenchInput,
  outputBytes: number,
): JsTask | undefined {
  const output = new Uint8Array(Math.max(outputBytes, 16));
  let written = 0;
  const bytesTask = (fn: (input: Uint8Array, output: Uint8Array) => number): JsTask => ({
    run: () => (written = fn(input.input, output)),
    written: () => output.subarray(0, Math.max(0, written)),
  });
  const whitespace = spec.textWhitespace();
  if (baseline === 'copy' && exportName === 'process') return bytesTask(copyJs);
  if (baseline === 'tokenizer' && exportName === 'process') {
    return bytesTask(createTokenizerProcess(whitespace));
  }
  if (baseline === 'tokenizer' && exportName === 'tokenize') {
    const tokenize = createTokenizer(whitespace);
    const ids = new Uint32Array(input.input.length + 1);
    return {
      run: () => (written = tokenize(input.input, ids)),
      written: () => new Uint8Array(ids.buffer, 0, Math.max(0, written) * 4),
    };
  }
  if (baseline === 'resize' && exportName === 'process') return bytesTask(resizeProcessJs);
  if (baseline === 'resize' && exportName === 'resize_image' && input.params) {
    const params = input.params;
    return bytesTask((pixels, out) => resizeImageJs(pixels, params, out));
  }
  return undefined;
}
