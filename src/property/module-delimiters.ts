import { modulePunctuation } from '../generators/dictionary-inputs.js';
import type { EdgeInputBytes } from '../spec-model/spec-index.js';

/** Edge inputs with a delimiter placeholder are run once per delimiter: at most this many. */
const MAX_DELIMITERS = 3;
const SPACE = 0x20;

/**
 * The delimiters a module uses: printable punctuation it compares input bytes with or keeps as
 * one-byte strings (modulePunctuation), at most three. A module without any gets a space, the
 * delimiter of most commands.
 */
export function moduleDelimiters(dictionary: readonly Uint8Array[]): number[] {
  const punctuation = modulePunctuation(dictionary).slice(0, MAX_DELIMITERS);
  return punctuation.length > 0 ? punctuation : [SPACE];
}

/** The spec's edge inputs, each one with a delimiter placeholder once per module delimiter. */
export function withModuleDelimiters(
  edges: readonly EdgeInputBytes[],
  dictionary: readonly Uint8Array[],
): EdgeInputBytes[] {
  const delimiters = moduleDelimiters(dictionary);
  return edges.flatMap((edge) => {
    const at = edge.delimiterAt;
    if (at === undefined) return [edge];
    return delimiters.map((delimiter) => {
      const bytes = new Uint8Array(edge.bytes.length + 1);
      bytes.set(edge.bytes.subarray(0, at));
      bytes[at] = delimiter;
      bytes.set(edge.bytes.subarray(at), at + 1);
      const { delimiterAt: _placed, ...rest } = edge;
      return { ...rest, name: `${edge.name} (${String.fromCharCode(delimiter)})`, bytes };
    });
  });
}
