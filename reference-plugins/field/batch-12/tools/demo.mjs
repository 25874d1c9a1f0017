#!/usr/bin/env node
// demo.mjs: small plain hosts (Node's WebAssembly API) for the batch-12 calls that try.mjs
// cannot stage: every buffer (input, output, length cell) from the plugin's alloc, as a host
// that takes them all from alloc does; alloc(0) for an empty buffer; a host clock of a chosen
// speed. Usage: node tools/demo.mjs <case>   (cases: see the end of the file)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const enc = new TextEncoder();
const dec = new TextDecoder();

function load(name, { clockStepNs = 1_000_000n } = {}) {
  const module = new WebAssembly.Module(readFileSync(join(DIST, `${name}.wasm`)));
  let mem;
  let clock = 1_700_000_000_000_000_000n;
  const state = { stderr: '', clockReads: 0 };
  const wasi = {
    fd_write(fd, iovs, n, nwritten) {
      const dv = new DataView(mem.buffer);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const p = dv.getUint32(iovs + 8 * i, true);
        const l = dv.getUint32(iovs + 8 * i + 4, true);
        state.stderr += dec.decode(new Uint8Array(mem.buffer, p, l));
        total += l;
      }
      dv.setUint32(nwritten, total, true);
      return 0;
    },
    environ_get: () => 0,
    environ_sizes_get(a, b) { const dv = new DataView(mem.buffer); dv.setUint32(a, 0, true); dv.setUint32(b, 0, true); return 0; },
    proc_exit(c) { throw new Error(`proc_exit(${c})`); },
    clock_time_get(_id, _prec, out) { clock += clockStepNs; state.clockReads++; new DataView(mem.buffer).setBigUint64(out, clock, true); return 0; },
  };
  const imports = {};
  for (const e of WebAssembly.Module.imports(module)) (imports[e.module] ??= {})[e.name] = wasi[e.name];
  const x = new WebAssembly.Instance(module, imports).exports;
  mem = x.memory;
  if (x._initialize) x._initialize();
  return { x, mem, state };
}

/** One call the way a host that takes every buffer from alloc makes it. */
function call(p, input, cap, { keep = false, fill = false } = {}) {
  const { x, mem } = p;
  if (!x.alloc) {
    // no alloc: the host grows pages for its buffers (input ending at the end of memory)
    const base = mem.grow(Math.ceil((input.length + cap + 64) / 65536) + 1) * 65536;
    const out = base + 3;
    const cell = out + cap + 1;
    const inp = mem.buffer.byteLength - input.length;
    new Uint8Array(mem.buffer).set(input, inp);
    new DataView(mem.buffer).setUint32(cell, cap, true);
    const rc = x.process(inp, input.length, out, cell);
    const len = new DataView(mem.buffer).getUint32(cell, true);
    return { rc, len, bytes: rc === 0 ? new Uint8Array(mem.buffer).slice(out, out + len) : null };
  }
  const inp = x.alloc(input.length) >>> 0;
  const out = x.alloc(cap) >>> 0;
  const cell = x.alloc(4) >>> 0;
  new Uint8Array(mem.buffer).set(input, inp);
  if (fill) new Uint8Array(mem.buffer).fill(0xaa, out, out + cap);
  new DataView(mem.buffer).setUint32(cell, cap, true);
  const rc = x.process(inp, input.length, out, cell);
  const len = new DataView(mem.buffer).getUint32(cell, true);
  const bytes = rc === 0 ? new Uint8Array(mem.buffer).slice(out, out + len) : null;
  const r = { rc, len, bytes, inp, out, cell };
  if (!keep) {
    x.dealloc(inp, input.length);
    x.dealloc(out, cap);
    x.dealloc(cell, 4);
  }
  return r;
}

function tryIt(label, fn) {
  try {
    const v = fn();
    console.log(`${label}: ${v === undefined ? 'returned' : v}`);
  } catch (e) {
    console.log(`${label}: TRAP ${e.message}`);
  }
}

const cases = {
  'html-unescape'() {
    const p = load('r12-html-unescape');
    const input = enc.encode('a &amp; b');
    const ok = call(p, input, 64);
    console.log(`ample capacity: rc=${ok.rc} *output_len=${ok.len} out=${JSON.stringify(dec.decode(ok.bytes))}`);
    const r = call(p, input, 3, { keep: true, fill: true });
    console.log(`output block after the -3 call (filled with aa before it): ${Buffer.from(new Uint8Array(p.mem.buffer, r.out, 8)).toString('hex')}`);
    console.log(`capacity 3: rc=${r.rc} *output_len=${r.len}; host still holds input 0x${r.inp.toString(16)}, output 0x${r.out.toString(16)} (3 bytes), cell 0x${r.cell.toString(16)}`);
    const again = p.x.alloc(3) >>> 0;
    console.log(`next alloc(3) = 0x${again.toString(16)}${again === r.out ? '  <- the output block the host still holds: two live blocks at one address' : ''}`);
    p.x.dealloc(again, 3);
    tryIt('host deallocs its input', () => p.x.dealloc(r.inp, input.length));
    tryIt('host deallocs its output (3), freed once already by the call', () => p.x.dealloc(r.out, 3));
    const a = p.x.alloc(3) >>> 0;
    const b = p.x.alloc(3) >>> 0;
    console.log(`then alloc(3) = 0x${a.toString(16)}, alloc(3) = 0x${b.toString(16)}${a === b ? '  <- one block handed out twice (double free)' : ''}`);
  },
  'uri-escape'() {
    for (const text of ['a b', 'a b and more']) {
      const p = load('r12-uri-escape');
      const before = p.mem.buffer.byteLength;
      let r;
      for (let i = 0; i < 100000; i++) r = call(p, enc.encode(text), 64);
      console.log(`${JSON.stringify(text)} x100000 (input, output and 4-byte cell from alloc): out=${JSON.stringify(dec.decode(r.bytes))} memory ${before} -> ${p.mem.buffer.byteLength}`);
    }
    const p = load('r12-uri-escape');
    const a = p.x.alloc(4) >>> 0;
    p.x.dealloc(a, 4);
    const b = p.x.alloc(4) >>> 0;
    console.log(`alloc(4)=0x${a.toString(16)}, dealloc(0x${a.toString(16)}, 4), alloc(4)=0x${b.toString(16)} (${a === b ? 'reused' : 'not reused: the first block was never freed'})`);
  },
  'near-dedupe'() {
    // 1000 different sentences (random words), then the same 1000 again with a capital and a '.'
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) % words.length;
    const lines = [];
    for (let i = 0; i < 1000; i++) lines.push(Array.from({ length: 8 }, rnd).map((k) => words[k]).join(' '));
    for (let i = 0; i < 1000; i++) lines.push(lines[i][0].toUpperCase() + lines[i].slice(1) + '.');
    const input = enc.encode(lines.join('\n') + '\n');
    for (const [label, step] of [['clock +0.01 ms per read (fast machine)', 10_000n], ['clock +1 ms per read (try.mjs, the conformance host)', 1_000_000n], ['clock +5 ms per read (slow or loaded machine)', 5_000_000n]]) {
      const p = load('r12-near-dedupe', { clockStepNs: step });
      const r = call(p, input, input.length + 16);
      const out = dec.decode(r.bytes);
      console.log(`${label}: rc=${r.rc} *output_len=${r.len}, ${out.split('\n').length - 1} lines kept, clock read ${p.state.clockReads}x`);
    }
  },
  'strip-ansi'() {
    const p = load('a12-strip-ansi');
    const r = call(p, enc.encode('\x1b[1mbold\x1b[0m'), 64);
    console.log(`"\\x1b[1mbold\\x1b[0m": rc=${r.rc} out=${JSON.stringify(dec.decode(r.bytes))} (all buffers from alloc and dealloc'd)`);
    const e = p.x.alloc(0) >>> 0;
    const out = p.x.alloc(16) >>> 0;
    const cell = p.x.alloc(4) >>> 0;
    new DataView(p.mem.buffer).setUint32(cell, 16, true);
    console.log(`empty input: in = alloc(0) = 0x${e.toString(16)}; rc=${p.x.process(e, 0, out, cell)} *output_len=${new DataView(p.mem.buffer).getUint32(cell, true)}`);
    p.x.dealloc(out, 16);
    p.x.dealloc(cell, 4);
    tryIt(`dealloc(0x${e.toString(16)}, 0)`, () => p.x.dealloc(e, 0));
  },
  'mask-digits'() {
    for (const n of [1000, 6000, 8000, 100000]) {
      const p = load('a12-mask-digits');
      const input = enc.encode('pin 1234 '.repeat(n / 9 | 0).padEnd(n, 'x'));
      tryIt(`input of ${n} bytes, output capacity ${n} (exact), buffers from alloc`, () => {
        const r = call(p, input, n);
        return `rc=${r.rc} *output_len=${r.len} out starts ${JSON.stringify(dec.decode(r.bytes.subarray(0, 18)))}`;
      });
    }
    const p = load('a12-mask-digits');
    for (const s of [0, 16, 1024, 20000, 40000, 65536, 1 << 20, 300 << 20]) tryIt(`alloc(${s})`, () => `0x${(p.x.alloc(s) >>> 0).toString(16)}`);
  },
  'utf8-check'() {
    let p = load('r12-utf8-check');
    const vectors = ['', 'hello', 'héllo ☃ 😀', 'hex:ff', 'hex:c0af', 'hex:e08080', 'hex:eda080', 'hex:f4908080', 'hex:f48fbfbf', 'hex:e282', 'hex:80', 'hex:efbbbf68', 'hex:f0908080'];
    let bad = 0;
    for (const v of vectors) {
      const bytes = v.startsWith('hex:') ? Buffer.from(v.slice(4), 'hex') : enc.encode(v);
      let want = 0;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { want = -1; }
      const r = call(p, bytes, 0);
      if (r.rc !== want || (r.rc === 0 && r.len !== 0)) bad++;
      console.log(`${JSON.stringify(v)}: rc=${r.rc} *output_len=${r.len} (TextDecoder fatal: ${want})`);
    }
    // exhaustive over all 1- to 3-byte strings whose bytes come from a set of interesting values
    const vals = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    let n = 0;
    const check = (bytes) => {
      let want = 0;
      try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { want = -1; }
      const r = call(p, bytes, 0);
      if (r.rc === 0 && r.len !== 0) bad++;
      n++;
      if (r.rc !== want) { bad++; console.log(`MISMATCH ${Buffer.from(bytes).toString('hex')}: ${r.rc} vs ${want}`); }
    };
    for (const a of vals) { p = load('r12-utf8-check'); check(Uint8Array.of(a)); for (const b of vals) { check(Uint8Array.of(a, b)); for (const c of vals) { check(Uint8Array.of(a, b, c)); for (const d of [0x80, 0xbf, 0x41]) check(Uint8Array.of(a, b, c, d)); } } }
    console.log(`${n} generated strings compared with TextDecoder(fatal): ${bad} mismatches`);
  },
  'bits-ascii'() {
    // no alloc export: place the buffers in pages grown by the host, as a host without alloc does
    const p = load('a12-bits-ascii');
    const oracle = (b) => Array.from(b, (v, i) => v.toString(2).padStart(8, '0') + ((i & 7) === 7 || i + 1 === b.length ? '\n' : ' ')).join('');
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    let bad = 0;
    let n = 0;
    for (const len of [0, 1, 2, 7, 8, 9, 15, 16, 17, 100, 1000, 70000]) {
      const input = Uint8Array.from({ length: len }, rnd);
      const want = oracle(input);
      for (const cap of [0, want.length - 1, want.length, want.length + 3]) {
        if (cap < 0) continue;
        const base = p.mem.grow(Math.ceil((len + cap + 64) / 65536) + 1) * 65536;
        const inp = base + 5;
        const out = inp + len + 3;
        const cell = out + cap + 1;
        const u8 = new Uint8Array(p.mem.buffer);
        u8.set(input, inp);
        u8.fill(0x55, out, cell + 8);
        new DataView(p.mem.buffer).setUint32(cell, cap, true);
        const rc = p.x.process(inp, len, out, cell);
        const got = new DataView(p.mem.buffer).getUint32(cell, true);
        const u = new Uint8Array(p.mem.buffer);
        let ok;
        if (cap < want.length) ok = rc === -3 && got === want.length && u.slice(out, out + cap).every((c) => c === 0x55);
        else ok = rc === 0 && got === want.length && dec.decode(u.slice(out, out + got)) === want && u.slice(out + got, out + cap).every((c) => c === 0x55);
        n++;
        if (!ok) { bad++; console.log(`MISMATCH len ${len} cap ${cap}: rc=${rc} *output_len=${got}`); }
      }
    }
    const r = new Uint8Array(p.mem.buffer);
    console.log(`"Hi" -> ${JSON.stringify(oracle(enc.encode('Hi')))}; ${n} calls (lengths 0..70000; capacity 0, need-1, need, need+3) against a JS oracle: ${bad} mismatches; memory ${p.mem.buffer.byteLength} bytes`);
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.log(`cases: ${Object.keys(cases).join(', ')}`);
  process.exit(1);
}
cases[name]();
