/* Generated from spec/config.schema.json by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * zenith-conform.config.json: the plugins a repository checks, the options it fixes (the check command's long option names; options given on the command line override them), and each plugin's contract. Paths are relative to the config file.
 */
export interface ZenithConformConfig {
  $schema?: string;
  /**
   * Plugins to check: paths, directories or globs, or entries with a contract.
   *
   * @minItems 1
   */
  plugins?: (string | PluginEntry)[];
  /**
   * Property depth (--quick, --thorough).
   */
  depth?: 'quick' | 'thorough';
  /**
   * Print the report as JSON (spec/report.schema.json) instead of text.
   */
  json?: boolean;
  /**
   * Also write the JSON report to this file, keeping the text report on stdout (what a CI log and a reports folder both want).
   */
  'json-file'?: string;
  /**
   * Also write a JUnit XML report (one testcase per rule per plugin) to this file; - prints it on stdout instead of the text report.
   */
  junit?: string;
  /**
   * Also write a SARIF 2.1.0 report (the spec's rules; one result per failed rule, at the plugin's path) to this file, for code scanning.
   */
  sarif?: string;
  /**
   * Known failures: JSON {"expectedFailures":[{"rule","reason","plugin"?}]} (spec/expect.schema.json); an unexpected pass fails.
   */
  expect?: string;
  /**
   * Check only shard k of n of the plugins (sorted by path), for CI matrix jobs; an empty shard exits 0.
   */
  shard?: string;
  /**
   * Run only these rules (comma-separated ids) and the rules they depend on.
   */
  only?: string | string[];
  /**
   * Seed for generated inputs and the plugin's clock and randomness; "random" picks one.
   */
  seed?: number | 'random';
  /**
   * Fail a plugin on should failures and on warnings too (a census of accepted inputs below the spec threshold).
   */
  strict?: boolean;
  /**
   * Cases per property rule, overriding the depth.
   */
  runs?: number;
  /**
   * A time budget instead of a case count (30s, 5m, 1h; for the whole run, its plugins sharing it): each property rule makes cases until its share is spent, and at least the depth's count. The cases then depend on the machine: for nightly jobs, not a reproducible gate.
   */
  time?: string;
  /**
   * Workers that share the rules (each with its own instance, call watch and deadline); the verdicts are the same for any n.
   */
  jobs?: number;
  /**
   * Fuzz only these exports (comma-separated), e.g. process,tokenize.
   */
  export?: string | string[];
  /**
   * Sample inputs (comma-separated or repeated): files, or directories meaning every file in them, recursively; each cut at --max-input-size, at most 1000 samples and 16 MiB. Samples and their mutants get most property cases.
   */
  corpus?: string | string[];
  /**
   * Before the rules, explore `process` for this long with block coverage (an instrumented copy of the module); inputs reaching new blocks join the property cases. What a time budget keeps depends on the machine: for a CI gate use --explore-iterations. false: do not explore (--no-explore).
   */
  explore?: number | false;
  /**
   * Explore exactly n calls (the default explores 3000; n and the seed decide the inputs kept, whatever the machine); with --explore, whichever ends first.
   */
  'explore-iterations'?: number;
  /**
   * The largest .wasm file a plugin should ship.
   */
  'max-binary-size'?: number | string;
  /**
   * The most 64 KiB pages a plugin should declare as initial memory (16 MiB).
   */
  'max-initial-pages'?: number;
  /**
   * The largest input the host passes; fuzzers generate up to this size.
   */
  'max-input-size'?: number | string;
  /**
   * The most linear memory a plugin may reach by its own memory.grow (pages the host grows for its buffers do not count); a growth past it is refused and ends the call.
   */
  'max-memory'?: number | string;
  /**
   * The most host_log, stdout and stderr bytes one call may produce; the host stops a call that writes more.
   */
  'max-log-bytes'?: number | string;
  /**
   * The CPU time one export call may use (the calling thread's own time, so a loaded machine cannot make a slow call look hung); past it the call is stopped as a hang.
   */
  timeout?: number;
  /**
   * More CPU time a call may use per MiB of input, on top of callTimeoutMs, so that a call on a large input is not taken for a hang.
   */
  'timeout-per-mib'?: number;
}
/**
 * This interface was referenced by `ZenithConformConfig`'s JSON-Schema
 * via the `definition` "PluginEntry".
 */
export interface PluginEntry {
  /**
   * A .wasm file, a directory or a glob.
   */
  path: string;
  /**
   * A folder of cases (`name.in` + `name.out`, or `name.json` / `name.yaml`) whose expected results the plugin must give. (ZC-FIX-001)
   */
  fixtures?: string;
  properties?: DeclaredProperties;
}
/**
 * Facts about the plugin's `process` that the fuzzers check on every generated, explored and corpus input.
 *
 * This interface was referenced by `ZenithConformConfig`'s JSON-Schema
 * via the `definition` "DeclaredProperties".
 */
export interface DeclaredProperties {
  /**
   * utf8: Every output of a call that returns 0 is valid UTF-8 (no overlong forms, surrogates or cut sequences). (ZC-PROP-001) ascii: Every output of a call that returns 0 holds only bytes 0x00-0x7F. (ZC-PROP-002) json: Every output of a call that returns 0 is UTF-8 that parses as one JSON text (RFC 8259). (ZC-PROP-003)
   */
  output?: 'utf8' | 'ascii' | 'json';
  /**
   * A relation between output and input lengths in bytes, `output <= a * input + b` (or `==`, `>=`), e.g. `output <= 2 * input + 16` or `output == 2 * input`. (ZC-PROP-004)
   */
  size?: string;
  /**
   * utf8: Every valid UTF-8 input (any code point, any length within the input limit) returns 0 when the output has room. (ZC-PROP-005) any: Every input, whatever its bytes, returns 0 when the output has room. (ZC-PROP-006)
   */
  accepts?: 'utf8' | 'any';
  /**
   * `process(process(x)) == process(x)` whenever `process(x)` returns 0: normalizers, trimmers, canonicalizers. (ZC-PROP-007)
   */
  idempotent?: boolean;
  /**
   * Every output of a call that returns 0 has exactly as many bytes as its input. (ZC-PROP-008)
   */
  'length-preserving'?: boolean;
  /**
   * A second plugin (a .wasm file), or `export:<name>` (an export of this module with the signature of `process`), that undoes `process`: `inverse(process(x)) == x`, both returning 0. (ZC-PROP-009)
   */
  inverse?: string;
  /**
   * A JavaScript module whose default export maps an input (Uint8Array) to the expected result: bytes or a string (success with that output), `{ code }`, or null (any error code). (ZC-PROP-010)
   */
  reference?: string;
}
