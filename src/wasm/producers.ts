/**
 * The `producers` custom section (WebAssembly tool-conventions, ProducersSection.md): which
 * languages, compilers and SDKs built the module, as `rustc 1.63.0` or `clang 19.1.7`. Toolchains
 * write it unless stripped, so it often answers "what built this?" for a plugin author.
 */
import { ByteReader } from './leb128.js';
import { customSectionContent, SectionId, splitSections } from './sections.js';

export interface Producer {
  name: string;
  version: string;
}

/** Field name (`language`, `processed-by`, `sdk`) to its producers, in the section's order. */
export type Producers = Record<string, Producer[]>;

/** The module's producers section, or undefined when it has none. Malformed content throws. */
export function readProducers(module: Uint8Array): Producers | undefined {
  const section = splitSections(module).find(
    ({ id, name }) => id === SectionId.custom && name === 'producers',
  );
  if (!section) return undefined;
  const reader = new ByteReader(customSectionContent(section));
  const producers: Producers = {};
  for (let fields = reader.u32(); fields > 0; fields--) {
    const field = reader.name();
    const values: Producer[] = [];
    for (let count = reader.u32(); count > 0; count--) {
      values.push({ name: reader.name(), version: reader.name() });
    }
    producers[field] = values;
  }
  return producers;
}
