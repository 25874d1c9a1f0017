import type { SpecIndex } from '../spec-model/spec-index.js';

/** The plugin's name from its plugin_info text (`echo v1.0.0` -> `echo`), by the spec's pattern. */
export function pluginNameOf(spec: SpecIndex, info: string | null): string | undefined {
  const pattern = spec.export('plugin_info').results?.[0]?.pattern;
  if (!info || !pattern) return undefined;
  return new RegExp(pattern).exec(info)?.groups?.['name'];
}
