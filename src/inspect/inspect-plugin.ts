import { loadSpec } from '../spec-model/load-spec.js';
import { formatSignature, SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';
import { describeValue } from '../util/option-checks.js';
import { readPluginFile, sha256 } from '../util/read-plugin-file.js';
import { readDataSegments } from '../wasm/data-segments.js';
import { describeNonModule } from '../wasm/identify-file.js';
import { readModuleInfo, type ModuleInfo } from '../wasm/module-info.js';
import { readProducers } from '../wasm/producers.js';
import { SectionId, splitSections } from '../wasm/sections.js';
import { ruleApplicability } from './applicability.js';
import { dataStrings } from './data-strings.js';
import type {
  InspectedExport,
  InspectedImport,
  InspectedMemory,
  InspectReport,
  InspectResult,
} from './inspect-types.js';
import { staticPluginInfo } from './static-plugin-info.js';

function exportsOf(info: ModuleInfo, spec: SpecIndex): InspectedExport[] {
  return info.exports.map((entry) => {
    const signature = entry.signature ? formatSignature(entry.signature) : undefined;
    const described = spec.exportsByName.get(entry.name);
    const base = { name: entry.name, kind: entry.kind, ...(signature ? { signature } : {}) };
    if (!described) return base;
    const expected =
      described.kind === 'function' ? formatSignature(spec.wasmSignature(described)) : undefined;
    const matches =
      described.kind === entry.kind && (expected === undefined || expected === signature);
    return {
      ...base,
      spec: {
        profile: described.profile ?? 'core',
        required: described.required,
        description: described.description,
        params: (described.params ?? []).map((param) => ({ name: param.name, role: param.role })),
        results: (described.results ?? []).map((result) => result.role),
        matches,
        ...(expected !== undefined && !matches ? { expected } : {}),
        ...(described.kind !== entry.kind ? { expected: described.kind } : {}),
      },
    };
  });
}

function importsOf(info: ModuleInfo, spec: SpecIndex): InspectedImport[] {
  return info.imports.map((entry) => {
    const signature = entry.signature ? formatSignature(entry.signature) : undefined;
    const offered = spec.offeredImport(entry.module, entry.name);
    const base = {
      module: entry.module,
      name: entry.name,
      kind: entry.kind,
      ...(signature ? { signature } : {}),
    };
    if (!offered || entry.kind !== 'function') return { ...base, offered: false };
    const expected = formatSignature({ params: offered.params, results: offered.results });
    return {
      ...base,
      offered: true,
      matches: expected === signature,
      ...(expected !== signature ? { expected } : {}),
      description: offered.description,
    };
  });
}

function memoriesOf(info: ModuleInfo): InspectedMemory[] {
  const imported = info.imports.flatMap((entry) =>
    entry.memory ? [{ ...entry.memory, imported: true }] : [],
  );
  const all = [
    ...imported,
    ...info.definedMemories.map((limits) => ({ ...limits, imported: false })),
  ];
  return all.map((memory, index) => {
    const exported = info.exports.find((entry) => entry.kind === 'memory' && entry.index === index);
    return exported ? { ...memory, exportedAs: exported.name } : memory;
  });
}

function customSectionsOf(bytes: Uint8Array): Array<{ name: string; bytes: number }> {
  return splitSections(bytes)
    .filter((section) => section.id === SectionId.custom)
    .map((section) => ({ name: section.name ?? '', bytes: section.payload.length }));
}

/** The report of a module's bytes; anything it cannot read is a thrown decode error. */
function reportOf(source: string, bytes: Uint8Array, spec: SpecIndex): InspectReport {
  const info = readModuleInfo(bytes);
  const segments = readDataSegments(bytes);
  const maxInfoBytes = spec.export('plugin_info').results?.[0]?.maxBytes ?? 256;
  const present = new Set(info.exports.map((entry) => entry.name));
  const missing = spec.exports
    .filter((entry) => !present.has(entry.name))
    .map((entry) => ({
      name: entry.name,
      required: entry.required,
      profile: entry.profile ?? 'core',
    }))
    .sort((a, b) => Number(b.required) - Number(a.required));
  const producers = readProducers(bytes);
  return {
    source,
    sizeBytes: bytes.length,
    sha256: sha256(bytes),
    compiles: WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>),
    exports: exportsOf(info, spec),
    missingExports: missing,
    imports: importsOf(info, spec),
    memory: memoriesOf(info),
    pluginInfo: staticPluginInfo(bytes, info, segments, maxInfoBytes),
    strings: dataStrings(segments),
    customSections: customSectionsOf(bytes),
    ...(producers ? { producers } : {}),
    rules: ruleApplicability(info, spec),
  };
}

/**
 * A static look at a plugin: its exports and imports mapped to the spec's roles, its memory,
 * the `plugin_info` string when it can be read from the data, printable data strings, custom
 * sections (with the producers section: what compiled it) and which rules would not apply.
 * Nothing is run. A path that cannot be read or bytes that are not a module are a result
 * with ok: false, never an exception; only a call with neither a path nor bytes throws, a
 * UsageError.
 */
export async function inspectPlugin(plugin: string | Uint8Array): Promise<InspectResult> {
  if (typeof plugin !== 'string' && !(plugin instanceof Uint8Array)) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `inspectPlugin needs a path or a Uint8Array of a module, got ${describeValue(plugin)}`,
    );
  }
  const source = typeof plugin === 'string' ? plugin : '<bytes>';
  let bytes: Uint8Array;
  if (typeof plugin === 'string') {
    const read = await readPluginFile(plugin);
    if (!read.ok) return { ok: false, source, code: read.code, message: read.message };
    bytes = read.bytes;
  } else {
    bytes = plugin;
  }
  const notModule = describeNonModule(bytes);
  if (notModule)
    return { ok: false, source, code: 'ZC_NOT_WASM', message: `${source}: ${notModule}` };
  try {
    return { ok: true, report: reportOf(source, bytes, new SpecIndex(loadSpec())) };
  } catch (error) {
    const message = `${source}: not a readable WebAssembly module: ${(error as Error).message}`;
    return { ok: false, source, code: 'ZC_NOT_WASM', message };
  }
}
