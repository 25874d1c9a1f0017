import type { ModuleInfo } from '../wasm/module-info.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { ExportState } from './context.js';

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((type, i) => type === b[i]);

/**
 * Whether a module exports `name` as the spec describes it: present, of the spec's kind, and
 * for a function with the spec's exact wasm signature. Read from the module's sections alone,
 * so the checks and `zenith-conform inspect` gate rules the same way.
 */
export function exportStateOf(info: ModuleInfo, spec: SpecIndex, name: string): ExportState {
  const found = info.exports.find((entry) => entry.name === name);
  if (!found) return 'missing';
  const expected = spec.exportsByName.get(name);
  if (!expected) return 'ok';
  if (found.kind !== expected.kind) return 'wrong-kind';
  if (expected.kind !== 'function') return 'ok';
  const want = spec.wasmSignature(expected);
  const have = found.signature;
  return have && same(want.params, have.params) && same(want.results, have.results)
    ? 'ok'
    : 'wrong-signature';
}
