import { formatSize } from '../util/format-size.js';
import { sanitizeDeep } from '../util/sanitize.js';
import { WASM_PAGE_BYTES } from '../wasm/page.js';
import type { InspectedMemory, InspectReport } from './inspect-types.js';

const quote = (text: string): string => JSON.stringify(text);

function memoryLine(memory: InspectedMemory): string {
  const name = memory.exportedAs ? `\`${memory.exportedAs}\`` : 'not exported';
  const initial = `${memory.initialPages} pages initial (${formatSize(memory.initialPages * WASM_PAGE_BYTES)})`;
  const maximum =
    memory.maximumPages === undefined
      ? 'no maximum'
      : `maximum ${memory.maximumPages} pages (${formatSize(memory.maximumPages * WASM_PAGE_BYTES)})`;
  const traits = [
    memory.memory64 ? '64-bit' : '32-bit',
    ...(memory.shared ? ['shared'] : []),
    ...(memory.imported ? ['imported'] : []),
  ];
  return `    ${name}: ${initial}, ${maximum}, ${traits.join(', ')}`;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', `  ${title}`, ...lines];
}

/**
 * `zenith-conform inspect` as text. Every string of the report is sanitized first: export and
 * import names, data strings and producers are the plugin's bytes.
 */
export function renderInspect(unsafeReport: InspectReport): string {
  const report = sanitizeDeep(unsafeReport);
  const lines = [
    `${report.source}  (${formatSize(report.sizeBytes)}, sha256 ${report.sha256.slice(0, 12)}…${report.compiles ? '' : ', does not compile on this engine'})`,
  ];
  if (report.producers) {
    const fields = Object.entries(report.producers).map(
      ([field, values]) =>
        `${field} ${values.map((value) => `${value.name}${value.version ? ` ${value.version}` : ''}`).join(', ')}`,
    );
    lines.push(`  built by:    ${fields.join('; ')}`);
  }
  const info = report.pluginInfo;
  lines.push(
    info.found
      ? `  plugin_info: ${quote(info.text)} at 0x${info.address.toString(16)} (${info.how === 'constant' ? 'the constant plugin_info returns' : 'a constant in plugin_info or what it calls'})`
      : `  plugin_info: not read statically: ${info.reason}`,
  );
  const width = Math.max(0, ...report.exports.map((entry) => entry.name.length)) + 2;
  lines.push(
    ...section(
      'Exports',
      report.exports.map((entry) => {
        const head = `    ${entry.name.padEnd(width)}${entry.kind.padEnd(10)}${entry.signature ?? ''}`;
        const spec = entry.spec;
        if (!spec) return `${head}  (not in the spec)`;
        const params = spec.params.map((param) => `${param.name}: ${param.role}`).join(', ');
        const roles =
          entry.kind === 'function'
            ? `  ${entry.name}(${params})${spec.results.length ? ` -> ${spec.results.join(', ')}` : ''}`
            : '';
        const where = `${spec.profile}, ${spec.required ? 'required' : 'optional'}`;
        const mismatch = spec.matches ? '' : `  DIFFERS from the spec: ${spec.expected ?? ''}`;
        return `${head}${roles}  [${where}]${mismatch}`;
      }),
    ),
    ...section(
      'Not exported',
      report.missingExports.map(
        (entry) =>
          `    ${entry.name} (${entry.profile}, ${entry.required ? 'REQUIRED' : 'optional'})`,
      ),
    ),
    ...section(
      'Imports',
      report.imports.map((entry) => {
        const head = `    ${entry.module}.${entry.name}  ${entry.signature ?? entry.kind}`;
        if (!entry.offered) return `${head}  NOT offered by the host (ZC-IMP-001)`;
        if (entry.matches === false)
          return `${head}  offered as ${entry.expected ?? ''} (ZC-IMP-002)`;
        return `${head}  offered: ${entry.description ?? ''}`;
      }),
    ),
    ...section('Memory', report.memory.length ? report.memory.map(memoryLine) : ['    none']),
    ...section(
      'Custom sections',
      report.customSections.map((custom) => `    ${custom.name} (${formatSize(custom.bytes)})`),
    ),
    ...section(
      `Data strings (${report.strings.shown.length} of ${report.strings.total})`,
      report.strings.shown.map(
        (entry) =>
          `    ${entry.address === undefined ? '?'.padEnd(10) : `0x${entry.address.toString(16)}`.padEnd(10)}${quote(entry.text)}${entry.cut ? '…' : ''}`,
      ),
    ),
    ...section(
      'Rules the gate would skip (a check may still find at run time that it does not apply)',
      report.rules
        .filter((rule) => rule.status !== 'applies')
        .map(
          (rule) =>
            `    ${rule.id.padEnd(12)} ${rule.level.padEnd(6)} ${rule.status === 'not-applicable' ? 'not applicable' : 'blocked'}: ${rule.reason ?? ''}`,
        ),
    ),
  );
  return `${lines.join('\n')}\n`;
}
