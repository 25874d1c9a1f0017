// The spec JSON is the single source every check, the CLI and ABI.md read from, so its internal
// references must hold: a typo in a dependsOn or a limit name would otherwise surface only as
// a confusing runtime error (or a silently skipped rule) in some later run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ZenithAbiSpec } from '../src/spec-model/abi-types.generated.js';

const SPEC_DIR = join(import.meta.dirname, '..', 'spec');
const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(join(SPEC_DIR, name), 'utf8')) as unknown;

const spec = readJson('zenith-abi.v1.json') as ZenithAbiSpec;

/** Ajv in strict mode, with its strict-mode warnings turned into errors too. */
function strictAjv(): Ajv {
  const fail = (...args: unknown[]) => {
    throw new Error(args.map(String).join(' '));
  };
  return new Ajv({
    strict: true,
    allErrors: true,
    logger: { log: () => {}, warn: fail, error: fail },
  });
}

/** Values that occur more than once, each listed once. */
function duplicates(values: readonly (string | number)[]): Array<string | number> {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

const FIELD_BYTES: Record<string, number> = { u8: 1, u16: 2, u32: 4, i32: 4 };

/** Features a rule may apply to besides export and import names. */
const FEATURES = ['module', 'imports', 'exports'];

describe('spec/zenith-abi.v1.json', () => {
  it('validates against spec/abi.schema.json', () => {
    const validate = strictAjv().compile(readJson('abi.schema.json') as object);
    const valid = validate(spec);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  describe('rules', () => {
    const ids = spec.rules.map((rule) => rule.id);

    it('have unique ids', () => {
      expect(duplicates(ids)).toEqual([]);
    });

    it('have ids whose area code is listed in areas', () => {
      const areas = new Set(spec.areas.map((area) => area.code));
      const bad = ids.filter((id) => !areas.has(/^ZC-([A-Z]+)-\d{3}$/.exec(id)?.[1] ?? ''));
      expect(bad, `area codes: ${[...areas].join(', ')}`).toEqual([]);
    });

    it('have descriptions under 100 characters', () => {
      const long = spec.rules
        .filter((rule) => [...rule.description].length >= 100)
        .map((rule) => `${rule.id} (${[...rule.description].length})`);
      expect(long).toEqual([]);
    });

    it('depend only on rules that exist and come earlier in the array (the runner relies on it)', () => {
      const problems = spec.rules.flatMap((rule, index) =>
        (rule.dependsOn ?? []).flatMap((dependency) => {
          const at = ids.indexOf(dependency);
          if (at === -1) return [`${rule.id} depends on ${dependency}, which does not exist`];
          if (at >= index) return [`${rule.id} depends on ${dependency}, which comes after it`];
          return [];
        }),
      );
      expect(problems).toEqual([]);
    });

    it('name only limits that exist', () => {
      const limits = new Set(spec.limits.map((limit) => limit.name));
      const bad = spec.rules
        .filter((rule) => rule.limit !== undefined && !limits.has(rule.limit))
        .map((rule) => `${rule.id}: ${rule.limit}`);
      expect(bad).toEqual([]);
    });

    it('apply to spec exports, host imports or the features module, imports, exports', () => {
      const known = new Set([
        ...spec.exports.map((entry) => entry.name),
        ...spec.imports.map((entry) => entry.name),
        ...FEATURES,
      ]);
      const bad = spec.rules.flatMap((rule) =>
        rule.appliesTo.filter((name) => !known.has(name)).map((name) => `${rule.id}: ${name}`),
      );
      expect(bad).toEqual([]);
    });
  });

  describe('exports', () => {
    const valueTypes = new Set(spec.valueTypes.map((type) => type.name));
    const structs = new Set(spec.structs.map((struct) => struct.name));

    it('have unique names', () => {
      expect(duplicates(spec.exports.map((entry) => entry.name))).toEqual([]);
    });

    it('type every param and result with a valueTypes entry', () => {
      const bad = spec.exports.flatMap((entry) => [
        ...(entry.params ?? [])
          .filter((param) => !valueTypes.has(param.type))
          .map((param) => `${entry.name}(${param.name}): ${param.type}`),
        ...(entry.results ?? [])
          .filter((result) => !valueTypes.has(result.type))
          .map((result) => `${entry.name} result: ${result.type}`),
      ]);
      expect(bad, `valueTypes: ${[...valueTypes].join(', ')}`).toEqual([]);
    });

    it('point params only at structs that exist', () => {
      const bad = spec.exports.flatMap((entry) =>
        (entry.params ?? [])
          .filter((param) => param.struct !== undefined && !structs.has(param.struct))
          .map((param) => `${entry.name}(${param.name}): ${param.struct}`),
      );
      expect(bad).toEqual([]);
    });

    it('require only exports that exist', () => {
      const names = new Set(spec.exports.map((entry) => entry.name));
      const bad = spec.exports.flatMap((entry) =>
        (entry.requiresExports ?? [])
          .filter((name) => !names.has(name))
          .map((name) => `${entry.name} requires ${name}`),
      );
      expect(bad).toEqual([]);
    });
  });

  describe('structs', () => {
    it.each(spec.structs.map((struct) => [struct.name, struct] as const))(
      '%s has fields inside its size that do not overlap',
      (_name, struct) => {
        const problems: string[] = [];
        const fields = [...struct.fields].sort((a, b) => a.offset - b.offset);
        let end = 0;
        let previous = '';
        for (const field of fields) {
          const bytes = FIELD_BYTES[field.type];
          if (bytes === undefined) {
            problems.push(`${field.name}: unknown field type ${field.type}`);
            continue;
          }
          if (field.offset < end) problems.push(`${field.name} overlaps ${previous}`);
          if (field.offset + bytes > struct.size) {
            problems.push(
              `${field.name} ends at ${field.offset + bytes}, past size ${struct.size}`,
            );
          }
          end = Math.max(end, field.offset + bytes);
          previous = field.name;
        }
        expect(problems).toEqual([]);
        expect(duplicates(struct.fields.map((field) => field.name))).toEqual([]);
      },
    );
  });

  it('has unique return code values and names', () => {
    expect(duplicates(spec.returnCodes.map((code) => code.value))).toEqual([]);
    expect(duplicates(spec.returnCodes.map((code) => code.name))).toEqual([]);
  });

  it('has unique limit names and options', () => {
    expect(duplicates(spec.limits.map((limit) => limit.name))).toEqual([]);
    expect(duplicates(spec.limits.map((limit) => limit.option))).toEqual([]);
  });

  it('has unique host imports', () => {
    expect(duplicates(spec.imports.map((entry) => `${entry.module}.${entry.name}`))).toEqual([]);
  });
});

describe('spec/report.schema.json', () => {
  it('compiles with ajv in strict mode', () => {
    expect(() => strictAjv().compile(readJson('report.schema.json') as object)).not.toThrow();
  });
});
