/**
 * A conformant plugin in WebAssembly text, built from parts so that each broken fixture
 * replaces exactly one part. The default parts pass every rule; see wat-plugin.test.ts.
 */
export interface PluginParts {
  imports: string;
  memory: string;
  /** Bytes of the plugin_info string placed at address 16 (NUL not added). */
  info: string;
  exports: {
    plugin_info: string;
    plugin_version: string;
    process: string;
  };
  /** Anything else: extra functions, a start section. */
  extra: string;
}

/** `process` with its parameters named as the echo body uses them; the caller closes it. */
export const PROCESS_HEAD =
  '(func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)';

/** The echo's copy: -3 with the needed size when the capacity is short, else copy the input. */
const ECHO_COPY = `
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then
        (i32.store (local.get $cell) (local.get $len))
        (return (i32.const -3))))
    (memory.copy (local.get $out) (local.get $in) (local.get $len))
    (i32.store (local.get $cell) (local.get $len))`;

/** The echo's body inside a `process` (the copy, then 0), for a caller's own head and gate. */
export const ECHO_TAIL = `${ECHO_COPY}
    (i32.const 0)`;

/**
 * The echo `process`, with `prelude` (locals, statements) before the copy and `extra` after
 * it: one correct body that broken variants add exactly one change to.
 */
export function echoProcess({ prelude = '', extra = '' } = {}): string {
  return `
  ${PROCESS_HEAD}${prelude}${ECHO_COPY}
    ${extra}
    (i32.const 0))`;
}

export const ECHO_PROCESS = echoProcess();

export const DEFAULT_PARTS: PluginParts = {
  imports: '',
  memory: '(memory (export "memory") 2)',
  info: 'wat-echo v1.2.3\\00',
  exports: {
    plugin_info: '(func (export "plugin_info") (result i32) (i32.const 16))',
    plugin_version: '(func (export "plugin_version") (result i32) (i32.const 0x010203))',
    process: ECHO_PROCESS,
  },
  extra: '',
};

export function watPlugin(
  overrides: Partial<Omit<PluginParts, 'exports'>> & {
    exports?: Partial<PluginParts['exports']>;
  } = {},
): string {
  const parts = {
    ...DEFAULT_PARTS,
    ...overrides,
    exports: { ...DEFAULT_PARTS.exports, ...overrides.exports },
  };
  return `(module
  ${parts.imports}
  ${parts.memory}
  (data (i32.const 16) "${parts.info}")
  ${parts.exports.plugin_info}
  ${parts.exports.plugin_version}
  ${parts.exports.process}
  ${parts.extra}
)`;
}
