import { describe, expect, it } from 'vitest';
import { instruction, type Instruction } from '../../../src/wasm/instructions.js';
import { ModuleEditor } from '../../../src/wasm/rewrite.js';
import { SectionId, splitSections } from '../../../src/wasm/sections.js';
import { wat } from '../../helpers/wat.js';
import { instantiate, pluginInfo, referencePlugin } from './fixtures.js';

const i32 = (value: number) => instruction('i32.const', { kind: 'i32', value });
const index = (name: string, at: number) => instruction(name, { kind: 'index', index: at });

const payloads = (bytes: Uint8Array) =>
  new Map(splitSections(bytes).map(({ id, name, payload }) => [name ?? id, payload]));

const withImports = () =>
  wat(`(module
    (import "env" "f" (func $f (param i32)))
    (import "env" "g" (global $g i32))
    (import "env" "memory" (memory 1))
    (global $own (mut i32) (i32.const 7))
    (func (export "seven") (result i32) (global.get $own))
    (func (export "one") (result i32) (i32.const 1)))`);

const envImports = () => ({
  env: {
    f: () => undefined,
    g: new WebAssembly.Global({ value: 'i32' }, 40),
    memory: new WebAssembly.Memory({ initial: 1 }),
  },
});

describe('ModuleEditor', () => {
  it('counts imports first in every index space', () => {
    const editor = new ModuleEditor(withImports());
    expect(editor.importCounts).toEqual({ function: 1, table: 0, memory: 1, global: 1, tag: 0 });
    expect(editor.functionCount).toBe(3);
    expect(editor.globalCount).toBe(2);
    expect(editor.memories).toEqual([
      { imported: true, initialPages: 1, maximumPages: undefined, shared: false, memory64: false },
    ]);
    expect(editor.exportNames()).toEqual(['seven', 'one']);
  });

  it('gives back the same bytes when nothing was edited', () => {
    const bytes = referencePlugin('text-normalize.wasm');
    const editor = new ModuleEditor(bytes);
    expect(editor.mapFunctionBodies((instructions) => instructions)).toBe(0);
    expect(editor.mapFunctionBodies((instructions) => [...instructions])).toBe(0);
    expect(editor.toBytes()).toEqual(bytes);
  });

  it('appends a type, a function, globals and exports that work, without shifting indices', () => {
    const editor = new ModuleEditor(withImports());
    const type = editor.addFunctionType(['i32'], ['i32']);
    const counter = editor.addMutableI32Global(-5);
    const body: Instruction[] = [
      index('local.get', 0),
      index('global.get', counter),
      instruction('i32.add'),
      index('global.get', 0), // the imported global: index 0 still
      instruction('i32.add'),
      instruction('end'),
    ];
    const added = editor.addFunction(type, body);
    expect([type, counter, added]).toEqual([2, 2, 3]);
    editor.addExport('added', 'function', added);
    editor.addExport('counter', 'global', counter);

    const bytes = editor.toBytes();
    expect(WebAssembly.validate(bytes)).toBe(true);
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), envImports());
    const {
      added: call,
      seven,
      counter: global,
    } = exports as {
      added: (value: number) => number;
      seven: () => number;
      counter: WebAssembly.Global;
    };
    expect(call(10)).toBe(10 - 5 + 40);
    expect(seven()).toBe(7);
    expect(global.value).toBe(-5);
  });

  it('accepts raw body bytes and bodies with locals, and creates missing sections', () => {
    const editor = new ModuleEditor(wat('(module)'));
    const type = editor.addFunctionType([], ['i32']);
    const raw = editor.addFunction(type, Uint8Array.of(0x00, 0x41, 0x2a, 0x0b));
    const withLocals = editor.addFunction(type, {
      locals: [{ count: 2, type: 'i32' }],
      instructions: [i32(9), index('local.tee', 1), instruction('end')],
    });
    editor.addExport('raw', 'function', raw);
    editor.addExport('locals', 'function', withLocals);
    const bytes = editor.toBytes();
    expect(splitSections(bytes).map(({ id }) => id)).toEqual([
      SectionId.type,
      SectionId.function,
      SectionId.export,
      SectionId.code,
    ]);
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    expect((exports.raw as () => number)()).toBe(42);
    expect((exports.locals as () => number)()).toBe(9);
  });

  it('refuses an export name that already exists', () => {
    const editor = new ModuleEditor(withImports());
    expect(() => editor.addExport('one', 'global', 0)).toThrow(
      "cannot export 'one': the module already exports that name",
    );
    editor.addExport('two', 'global', 0);
    expect(() => editor.addExport('two', 'function', 0)).toThrow(/already exports/);
  });

  it('maps bodies with their function index and re-encodes only the changed ones', () => {
    const bytes = withImports();
    const editor = new ModuleEditor(bytes);
    const seen: number[] = [];
    const changed = editor.mapFunctionBodies((instructions, { functionIndex }) => {
      seen.push(functionIndex);
      return instructions.map((candidate) =>
        candidate.immediates.kind === 'i32' && candidate.immediates.value === 1
          ? i32(300)
          : candidate,
      );
    });
    expect(seen).toEqual([1, 2]);
    expect(changed).toBe(1);
    const rewritten = editor.toBytes();
    const before = payloads(bytes);
    for (const [id, payload] of payloads(rewritten)) {
      if (id !== SectionId.code) expect(payload).toEqual(before.get(id));
    }
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(rewritten), envImports());
    expect((exports.one as () => number)()).toBe(300);
  });

  it('leaves a decode failure without a half-edited module', () => {
    const bytes = wat('(module (func (nop)) (func (nop)))');
    bytes[bytes.lastIndexOf(0x01)] = 0xd3; // the second nop becomes an opcode we do not know
    const editor = new ModuleEditor(bytes);
    expect(() => editor.mapFunctionBodies((instructions) => [...instructions])).toThrow(
      /unknown opcode 0xd3 at byte offset \d+/,
    );
    expect(editor.toBytes()).toEqual(bytes);
  });

  it('edits a Rust plugin so that its exports still work', () => {
    const editor = new ModuleEditor(referencePlugin('tokenizer.wasm'));
    const type = editor.addFunctionType([], ['i32']);
    editor.addExport(
      'zc_answer',
      'function',
      editor.addFunction(type, [i32(42), instruction('end')]),
    );
    const instance = instantiate(editor.toBytes());
    expect(pluginInfo(instance)).toBe('tokenizer v1.0.0');
    expect((instance.exports.zc_answer as () => number)()).toBe(42);
  });
});
