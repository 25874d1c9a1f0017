import type { ZenithAbiSpec } from './abi-types.generated.js';
import { SpecIndex, areaOfRule, formatSignature } from './spec-index.js';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(header: string[], rows: string[][]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** spec/ABI.md: the human-readable ABI, generated so it can never disagree with the JSON. */
export function renderAbiMarkdown(spec: ZenithAbiSpec): string {
  const index = new SpecIndex(spec);
  const parts: string[] = [];
  parts.push(
    `<!-- Generated from spec/zenith-abi.v1.json by \`npm run generate\`. Do not edit. -->`,
  );
  parts.push(`# Zenith plugin ABI v${spec.version}`);
  if (spec.summary) parts.push(spec.summary);

  parts.push('## Value types');
  parts.push(
    table(
      ['name', 'wasm', 'read as', 'meaning'],
      spec.valueTypes.map((type) => [
        `\`${type.name}\``,
        type.wasm,
        type.signedness ?? '',
        type.description,
      ]),
    ),
  );

  parts.push('## Exports');
  parts.push(
    table(
      ['export', 'required', 'profile', 'wasm signature', 'meaning'],
      spec.exports.map((entry) => [
        `\`${entry.name}\``,
        entry.required ? 'required' : 'optional',
        entry.profile ?? '',
        entry.kind === 'memory' ? 'memory' : `\`${formatSignature(index.wasmSignature(entry))}\``,
        entry.description,
      ]),
    ),
  );
  for (const entry of spec.exports) {
    if (!entry.params?.length) continue;
    parts.push(`### \`${entry.name}\` parameters`);
    parts.push(
      table(
        ['parameter', 'type', 'role', 'notes'],
        entry.params.map((param) => [
          `\`${param.name}\``,
          param.type,
          param.role,
          [param.struct ? `points to \`${param.struct}\`` : '', param.description ?? '']
            .filter(Boolean)
            .join('; '),
        ]),
      ),
    );
    if (entry.output) {
      const sizing =
        entry.output.sizing === 'capacity-cell'
          ? `capacity in ${entry.output.unit} elements (${entry.output.elementBytes} bytes each) in the output-length cell`
          : `derived from the params struct: \`${entry.output.derivedSize ?? ''}\` bytes`;
      parts.push(`Output: ${sizing}.`);
    }
    if (entry.input) parts.push(`Input size: \`${entry.input.derivedSize}\` bytes.`);
  }

  parts.push('## Structs');
  for (const struct of spec.structs) {
    parts.push(
      `### \`${struct.name}\` (${struct.size} bytes, align ${struct.align}, ${struct.endianness}-endian)`,
    );
    if (struct.description) parts.push(struct.description);
    parts.push(
      table(
        ['offset', 'field', 'type'],
        struct.fields.map((field) => [String(field.offset), `\`${field.name}\``, field.type]),
      ),
    );
  }

  parts.push('## Profiles');
  parts.push(
    'Plugin kinds from the guide, recognised by an export; their rules apply when it is present.',
  );
  for (const profile of spec.profiles) {
    parts.push(`### ${profile.name} (\`${profile.export}\`)`);
    const facts = [
      profile.description,
      profile.tokenId ? `Token id: ${profile.tokenId}.` : '',
      profile.whitespace
        ? `Whitespace (Unicode White_Space): ${profile.whitespace.map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}.`
        : '',
      profile.sampling ? `Sampling: ${profile.sampling}.` : '',
      profile.processInput
        ? `\`process\` input: a \`${profile.processInput.header}\` header, then \`${profile.processInput.then}\` bytes.`
        : '',
      profile.processOutput ? `\`process\` output: ${profile.processOutput}.` : '',
    ];
    parts.push(facts.filter(Boolean).join('\n\n'));
  }

  parts.push('## Host imports');
  parts.push('A plugin may import these and nothing else.');
  parts.push(
    table(
      ['import', 'wasm signature', 'meaning', 'conformance host'],
      spec.imports.map((entry) => [
        `\`${entry.module}.${entry.name}\``,
        `\`${formatSignature(entry)}\``,
        entry.description,
        entry.hostBehaviour ?? '',
      ]),
    ),
  );

  parts.push('## Return codes');
  parts.push('Any value not listed here is a failure.');
  parts.push(
    table(
      ['value', 'name', 'meaning'],
      spec.returnCodes.map((code) => [String(code.value), code.name, code.description]),
    ),
  );

  parts.push('## Limits');
  parts.push('Defaults; each can be changed with the option shown.');
  parts.push(
    table(
      ['limit', 'default', 'unit', 'option', 'meaning'],
      spec.limits.map((limit) => [
        `\`${limit.name}\``,
        String(limit.default),
        limit.unit,
        `\`${limit.option}\``,
        limit.description,
      ]),
    ),
  );

  parts.push('## Fuzzing');
  parts.push(
    `### Census\n\n${spec.census.description} Threshold: ${spec.census.minAcceptedPercent}%.`,
  );
  parts.push(`### Edge inputs\n\n${spec.edgeInputs.description}`);
  parts.push(
    table(
      ['input', 'bytes'],
      spec.edgeInputs.inputs.map((input) => [
        input.name,
        (input.each !== undefined
          ? `each alone: ${input.each.map((text) => `\`${text}\``).join(', ')}`
          : input.hex !== undefined
            ? `hex \`${input.hex}\``
            : `\`${JSON.stringify(input.text)}\``) +
          (input.repeatTo !== undefined
            ? `, ${input.numbered ? 'numbered and ' : ''}repeated to ${input.repeatTo} bytes`
            : '') +
          (input.rules ? `; only ${input.rules.join(', ')}` : ''),
      ]),
    ),
  );

  parts.push('## Rules');
  parts.push('`must` failures fail the run (exit 1); `should` failures are reported only.');
  for (const area of spec.areas) {
    const rules = spec.rules.filter((rule) => areaOfRule(rule.id) === area.code);
    if (rules.length === 0) continue;
    parts.push(`### ${area.title} (${area.code})`);
    if (rules.every((rule) => rule.declaredBy)) {
      parts.push(
        'These rules run only for a plugin whose config declares them: the config file, the property vocabulary and the fixture format are in [CONTRACT.md](CONTRACT.md).',
      );
    }
    parts.push(
      table(
        ['id', 'level', 'kind', 'rule', 'why'],
        rules.map((rule) => [
          rule.id,
          rule.level,
          rule.kind,
          rule.description,
          rule.rationale ?? '',
        ]),
      ),
    );
  }
  return parts.join('\n\n') + '\n';
}
