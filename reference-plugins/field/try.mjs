#!/usr/bin/env node
// try.mjs: calls one field plugin by hand, without the conformance checker.
//
//   node reference-plugins/field/try.mjs <name|path.wasm> [options] [input ...]
//
// Each input is a plain string, `hex:<bytes>`, `rep:<count>:<string>` (the string repeated), or
// `@<file>`. With no input, one empty input is used. Options:
//
//   --cap <n>        output capacity in elements (default: 4 * input length + 1024)
//   --fn <name>      the export to call: process (default), tokenize or resize_image
//                    (resize_image takes a 16-byte ResizeParams header, then the pixels)
//   --calls <k>      call k times with the same input (shows state kept between calls and
//                    memory growth)
//   --instances <k>  repeat everything in k fresh instances with different WASI seeds
//   --offset <n>     place the output buffer n bytes into a larger block (odd placements)
//   --no-alloc       ignore an exported alloc and grow memory for the buffers instead
//   --alloc-test     call alloc/dealloc with a few sizes and print what they return
//   --retry          on -3, call again with the needed size it reported
//   --quiet          print only the summary line of each call
//
// Every import is a stub: WASI calls return 0 (or EBADF where wasi-libc loops until it sees
// one) and write plausible values; clock_time_get and random_get are seeded per instance;
// env.host_log is printed; any other import throws when called. Around the output buffer sit
// 16 guard bytes on each side, all buffers are filled with 0xAA first, and the input is
// compared with a copy after the call: a write outside the buffer, a changed input, or an
// *output_len above the capacity is reported as `!!`.

import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder, TextEncoder } from 'node:util';

const { WebAssembly } = globalThis;

const HERE = dirname(fileURLToPath(import.meta.url));
const CANARY = 0xaa;
const GUARD = 16;

function parseArgs(argv) {
  const opts = {
    cap: undefined,
    fn: 'process',
    calls: 1,
    instances: 1,
    offset: 0,
    noAlloc: false,
    allocTest: false,
    retry: false,
    quiet: false,
    inputs: [],
  };
  let plugin;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--cap') opts.cap = Number(next());
    else if (a === '--fn') opts.fn = next();
    else if (a === '--calls') opts.calls = Number(next());
    else if (a === '--instances') opts.instances = Number(next());
    else if (a === '--offset') opts.offset = Number(next());
    else if (a === '--no-alloc') opts.noAlloc = true;
    else if (a === '--alloc-test') opts.allocTest = true;
    else if (a === '--retry') opts.retry = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (plugin === undefined) plugin = a;
    else opts.inputs.push(a);
  }
  if (plugin === undefined) {
    console.error('usage: node try.mjs <name|path.wasm> [options] [input ...]');
    process.exit(64);
  }
  if (opts.inputs.length === 0) opts.inputs.push('');
  return { plugin, opts };
}

function decodeInput(spec) {
  if (spec.startsWith('hex:')) return Uint8Array.from(Buffer.from(spec.slice(4), 'hex'));
  if (spec.startsWith('rep:')) {
    const [, count, ...rest] = spec.split(':');
    return new TextEncoder().encode(rest.join(':').repeat(Number(count)));
  }
  if (spec.startsWith('@')) return new Uint8Array(readFileSync(spec.slice(1)));
  return new TextEncoder().encode(spec);
}

function show(bytes) {
  if (bytes.length === 0) return '(empty)';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\x00-\x08\x0e-\x1f\x7f]/.test(text)) {
      return JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}...` : text);
    }
  } catch {
    // not UTF-8: fall through to hex
  }
  const hex = Buffer.from(bytes.subarray(0, 80)).toString('hex');
  return `hex:${hex}${bytes.length > 80 ? '...' : ''}`;
}

/** Stub imports for every import the module declares. */
function makeImports(module, state, seed) {
  let clock = 1_700_000_000_000_000_000n + BigInt(seed) * 1_000_000_000n;
  let rng = (seed * 2654435761 + 12345) >>> 0;
  const mem = () => new DataView(state.memory.buffer);
  const bytes = () => new Uint8Array(state.memory.buffer);
  const wasi = {
    fd_write(fd, iovs, iovsLen, nwritten) {
      let total = 0;
      for (let i = 0; i < iovsLen; i++) {
        const ptr = mem().getUint32(iovs + 8 * i, true);
        const len = mem().getUint32(iovs + 8 * i + 4, true);
        state.stdio.push(Buffer.from(bytes().subarray(ptr, ptr + len)).toString('utf8'));
        total += len;
      }
      mem().setUint32(nwritten, total, true);
      return fd === 1 || fd === 2 ? 0 : 8;
    },
    fd_close: () => 8,
    fd_seek: () => 29,
    fd_fdstat_get(fd, buf) {
      if (fd > 2) return 8;
      for (let i = 0; i < 24; i++) mem().setUint8(buf + i, 0);
      mem().setUint8(buf, 2); // character device
      return 0;
    },
    fd_prestat_get: () => 8,
    fd_prestat_dir_name: () => 8,
    environ_sizes_get(count, size) {
      mem().setUint32(count, 0, true);
      mem().setUint32(size, 0, true);
      return 0;
    },
    environ_get: () => 0,
    args_sizes_get(count, size) {
      mem().setUint32(count, 0, true);
      mem().setUint32(size, 0, true);
      return 0;
    },
    args_get: () => 0,
    clock_time_get(_id, _precision, out) {
      clock += 1_000_000n;
      mem().setBigUint64(out, clock, true);
      state.clockReads++;
      return 0;
    },
    clock_res_get(_id, out) {
      mem().setBigUint64(out, 1_000_000n, true);
      return 0;
    },
    random_get(buf, len) {
      for (let i = 0; i < len; i++) {
        rng = (Math.imul(rng, 1103515245) + 12345) >>> 0;
        mem().setUint8(buf + i, rng >>> 24);
      }
      state.randomReads++;
      return 0;
    },
    proc_exit(code) {
      throw new Error(`proc_exit(${code})`);
    },
  };
  const imports = {};
  for (const entry of WebAssembly.Module.imports(module)) {
    if (entry.kind !== 'function')
      throw new Error(`imports a ${entry.kind}: ${entry.module}.${entry.name}`);
    let fn;
    if (entry.module === 'wasi_snapshot_preview1' && wasi[entry.name]) fn = wasi[entry.name];
    else if (entry.module === 'env' && entry.name === 'host_log') {
      fn = (ptr, len) => {
        state.logs.push(Buffer.from(bytes().subarray(ptr, ptr + len)).toString('utf8'));
      };
    } else {
      fn = () => {
        throw new Error(`called unexpected import ${entry.module}.${entry.name}`);
      };
    }
    (imports[entry.module] ??= {})[entry.name] = fn;
  }
  return imports;
}

function readInfo(state, ptr) {
  const view = new Uint8Array(state.memory.buffer);
  const end = view.indexOf(0, ptr);
  const len = end < 0 ? view.length - ptr : end - ptr;
  const raw = view.subarray(ptr, ptr + Math.min(len, 300));
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    text = `hex:${Buffer.from(raw).toString('hex')}`;
  }
  const ok = end >= 0 && len <= 255 && /^\S+ v\d+\.\d+\.\d+\S*$/.test(text);
  return `${JSON.stringify(text)}${ok ? '' : `  !! not a NUL-terminated "<name> v<semver>" (${len} bytes before the first NUL)`}`;
}

/** Places `size` bytes: through alloc when the plugin exports it, else at the top of memory. */
function place(state, exports, size, useAlloc) {
  if (useAlloc) {
    const ptr = exports.alloc(size) >>> 0;
    if (ptr === 0) throw new Error(`alloc(${size}) returned 0`);
    state.allocated.push([ptr, size]);
    return ptr;
  }
  const top = state.memory.buffer.byteLength;
  const pages = Math.ceil(size / 65536) + 1;
  state.memory.grow(pages);
  return top + 8; // deliberately not 16-aligned
}

function callOnce(state, exports, opts, input) {
  const fn = opts.fn;
  const elem = fn === 'tokenize' ? 4 : 1;
  let paramsLen = 0;
  let pixels = input;
  if (fn === 'resize_image') {
    paramsLen = 16;
    pixels = input.subarray(16);
  }
  const params = fn === 'resize_image' ? new DataView(input.buffer, input.byteOffset, 16) : null;
  const cap =
    fn === 'resize_image'
      ? params.getUint32(8, true) * params.getUint32(12, true) * 3
      : (opts.cap ?? 4 * input.length + 1024);
  const useAlloc = typeof exports.alloc === 'function' && !opts.noAlloc;
  const capBytes = cap * elem;
  const inPtr = place(state, exports, Math.max(pixels.length, 1), useAlloc);
  const block = place(state, exports, capBytes + 2 * GUARD + opts.offset + 4, useAlloc);
  const paramsPtr = paramsLen ? place(state, exports, 16, useAlloc) : 0;
  const outPtr = block + GUARD + opts.offset;
  const cellPtr = block + GUARD + opts.offset + capBytes + GUARD - 3; // odd address
  let view = new Uint8Array(state.memory.buffer);
  view.fill(CANARY, block, block + capBytes + 2 * GUARD + opts.offset + 4);
  view.set(pixels, inPtr);
  if (paramsLen) view.set(input.subarray(0, 16), paramsPtr);
  new DataView(state.memory.buffer).setUint32(cellPtr, cap, true);
  const before = state.memory.buffer.byteLength;
  let rc;
  let trap;
  state.stdio = [];
  state.logs = [];
  try {
    if (fn === 'resize_image') rc = exports.resize_image(inPtr, paramsPtr, outPtr);
    else rc = exports[fn](inPtr, pixels.length, outPtr, cellPtr);
  } catch (error) {
    trap = error;
  }
  view = new Uint8Array(state.memory.buffer);
  const dv = new DataView(state.memory.buffer);
  const outLen = fn === 'resize_image' ? cap : dv.getUint32(cellPtr, true);
  const problems = [];
  const afterIn = view.subarray(inPtr, inPtr + pixels.length);
  if (!trap) {
    if (Buffer.compare(Buffer.from(afterIn), Buffer.from(pixels)) !== 0)
      problems.push('input was modified');
    for (let p = block; p < outPtr; p++) {
      if (view[p] !== CANARY) {
        problems.push(`wrote ${outPtr - p} byte(s) before the output buffer`);
        break;
      }
    }
    for (let p = cellPtr - 1; p >= outPtr + capBytes; p--) {
      if (view[p] !== CANARY) {
        problems.push(`wrote past the output capacity (up to +${p - outPtr - capBytes + 1})`);
        break;
      }
    }
    if (rc === 0 && outLen > cap) problems.push(`*output_len ${outLen} > capacity ${cap}`);
    if (![0, -1, -2, -3, -99].includes(rc)) problems.push(`return code ${rc} is not in the ABI`);
  }
  const out =
    rc === 0 && !trap
      ? view.slice(outPtr, outPtr + Math.min(outLen, cap) * elem)
      : new Uint8Array();
  const result = {
    rc,
    trap,
    outLen,
    cap,
    out,
    problems,
    grew: state.memory.buffer.byteLength - before,
    memory: state.memory.buffer.byteLength,
    stdio: state.stdio.join(''),
    logs: state.logs,
  };
  if (useAlloc && typeof exports.dealloc === 'function' && !trap) {
    for (const [ptr, size] of state.allocated) exports.dealloc(ptr, size);
  }
  state.allocated = [];
  return result;
}

function describe(result, elem) {
  if (result.trap) {
    return `TRAP ${result.trap.message}${result.stdio ? ` | stderr: ${result.stdio.trim()}` : ''}`;
  }
  let line = `rc=${result.rc} *output_len=${result.outLen} (cap ${result.cap})`;
  if (result.rc === 0) {
    if (elem === 4) {
      const ids = [];
      const dv = new DataView(result.out.buffer, result.out.byteOffset, result.out.byteLength);
      for (let i = 0; i + 4 <= result.out.length; i += 4) ids.push(dv.getUint32(i, true));
      line += ` ids=[${ids.join(',')}]`;
    } else line += ` out=${show(result.out)}`;
  }
  if (result.problems.length) line += `  !! ${result.problems.join('; ')}`;
  if (result.logs.length) line += ` | host_log: ${JSON.stringify(result.logs)}`;
  if (result.stdio) line += ` | stdio: ${JSON.stringify(result.stdio)}`;
  return line;
}

async function runInstance(module, opts, seed) {
  const state = { memory: null, stdio: [], logs: [], allocated: [], clockReads: 0, randomReads: 0 };
  const instance = await WebAssembly.instantiate(module, makeImports(module, state, seed));
  const exports = instance.exports;
  state.memory = exports.memory;
  if (typeof exports._initialize === 'function') exports._initialize();
  const names = WebAssembly.Module.exports(module).map((e) => e.name);
  const lines = [];
  lines.push(`exports: ${names.join(', ')}`);
  lines.push(
    `imports: ${
      WebAssembly.Module.imports(module)
        .map((e) => `${e.module}.${e.name}`)
        .join(', ') || '(none)'
    }`,
  );
  if (typeof exports.init === 'function') lines.push(`init() = ${exports.init()}`);
  lines.push(`plugin_info: ${readInfo(state, exports.plugin_info() >>> 0)}`);
  if (typeof exports.plugin_version === 'function') {
    lines.push(`plugin_version: 0x${(exports.plugin_version() >>> 0).toString(16)}`);
  }
  if (opts.allocTest) {
    if (typeof exports.alloc !== 'function') lines.push('alloc-test: no alloc export');
    else {
      const seen = [];
      for (const size of [0, 0, 5, 5, 8, 13, 100, 0x7fffffff, 0xffffffff]) {
        let r;
        try {
          r = `0x${(exports.alloc(size) >>> 0).toString(16)}`;
        } catch (error) {
          r = `TRAP ${error.message}`;
        }
        seen.push(`alloc(${size})=${r}`);
      }
      lines.push(`alloc-test: ${seen.join(' ')} memory=${state.memory.buffer.byteLength}`);
    }
  }
  if (!opts.quiet) console.log(lines.join('\n'));
  const elem = opts.fn === 'tokenize' ? 4 : 1;
  const results = [];
  for (const spec of opts.inputs) {
    const input = decodeInput(spec);
    const label = spec.length > 60 ? `${spec.slice(0, 57)}...` : spec;
    const outputs = [];
    for (let k = 0; k < opts.calls; k++) {
      let result = callOnce(state, exports, opts, input);
      console.log(
        `[${label}]${opts.calls > 1 ? ` call ${k + 1}` : ''}: ${describe(result, elem)}${opts.calls > 1 ? ` memory=${result.memory}` : ''}`,
      );
      if (opts.retry && result.rc === -3 && !result.trap) {
        const retry = callOnce(state, exports, { ...opts, cap: result.outLen }, input);
        console.log(`[${label}] retry with cap ${result.outLen}: ${describe(retry, elem)}`);
        result = retry;
      }
      if (result.trap) break;
      outputs.push(Buffer.from(result.out).toString('hex') + `/${result.rc}`);
    }
    if (new Set(outputs).size > 1)
      console.log(`[${label}] !! output changed between calls of one instance`);
    results.push(outputs[0]);
  }
  if (typeof exports.cleanup === 'function') {
    try {
      exports.cleanup();
      if (!opts.quiet) console.log('cleanup() returned');
    } catch (error) {
      console.log(`cleanup() TRAP ${error.message}`);
    }
  }
  if (!opts.quiet && (state.clockReads || state.randomReads)) {
    console.log(`(clock_time_get read ${state.clockReads}x, random_get ${state.randomReads}x)`);
  }
  return results;
}

const { plugin, opts } = parseArgs(process.argv.slice(2));
/** A name is looked up in dist/, then in each batch's dist/ (batch-2/ to the newest). */
function modulePath(name) {
  if (name.endsWith('.wasm')) return name;
  const batches = readdirSync(HERE).filter((entry) => /^batch-\d+$/.test(entry));
  const candidates = ['dist', ...batches.map((batch) => join(batch, 'dist'))].map((dir) =>
    join(HERE, dir, `${name}.wasm`),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  console.error(`try.mjs: no ${name}.wasm in field/dist or any field/batch-*/dist`);
  process.exit(2);
}
const path = modulePath(plugin);
const module = await WebAssembly.compile(readFileSync(path));
const all = [];
for (let i = 0; i < opts.instances; i++) {
  if (opts.instances > 1) console.log(`--- instance ${i + 1}`);
  all.push(await runInstance(module, opts, 1 + 7 * i));
}
if (opts.instances > 1) {
  for (let j = 0; j < opts.inputs.length; j++) {
    const variants = new Set(all.map((r) => r[j]));
    if (variants.size > 1) console.log(`[${opts.inputs[j]}] !! output differs between instances`);
  }
}
