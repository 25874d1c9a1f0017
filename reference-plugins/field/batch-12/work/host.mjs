// host.mjs: small hand hosts for the batch-12 C/WAT plugins (plain Node WebAssembly API).
//   node work/host.mjs <demo>
import { readFileSync } from 'node:fs';
const dist = new URL('../dist/', import.meta.url);

function load(name) {
  const mod = new WebAssembly.Module(readFileSync(new URL(`${name}.wasm`, dist)));
  const st = { mem: null, logs: [] };
  const imports = { env: { host_log: (p, l) => st.logs.push(Buffer.from(new Uint8Array(st.mem.buffer, p >>> 0, l >>> 0)).toString('latin1')) },
    wasi_snapshot_preview1: new Proxy({}, { get: () => () => 8 }) };
  const inst = new WebAssembly.Instance(mod, imports);
  const x = inst.exports; st.mem = x.memory;
  if (x._initialize) x._initialize();
  if (x.init) x.init();
  return { x, st };
}
const u8 = (x) => new Uint8Array(x.memory.buffer);
const dv = (x) => new DataView(x.memory.buffer);
function cstr(x, p) { const b = u8(x); let e = p; while (b[e]) e++; return Buffer.from(b.subarray(p, e)).toString('latin1'); }
// one call with every buffer from alloc (size 0 -> alloc(0)), freed afterwards in allocation order
function callAlloc(x, input, cap) {
  const ip = x.alloc(input.length) >>> 0, op = x.alloc(cap) >>> 0, cp = x.alloc(4) >>> 0;
  if (input.length) u8(x).set(input, ip);
  dv(x).setUint32(cp, cap, true);
  const rc = x.process(ip, input.length, op, cp);
  const len = dv(x).getUint32(cp, true);
  const out = rc === 0 ? Buffer.from(u8(x).slice(op, op + len)) : null;
  x.dealloc(ip, input.length); x.dealloc(op, cap); x.dealloc(cp, 4);
  return { rc, len, out, ip, op };
}
// one call with buffers in pages the host grows (no alloc); input ends at the end of memory if atEnd
function callGrow(x, input, cap, atEnd = false) {
  const need = input.length + cap + 64;
  const base = x.memory.grow(Math.ceil(need / 65536) + 1) * 65536;
  const end = x.memory.buffer.byteLength;
  const cp = base + 8, op = base + 16, ip = atEnd ? end - input.length : op + cap + 16;
  u8(x).set(input, ip);
  dv(x).setUint32(cp, cap, true);
  const rc = x.process(ip, input.length, op, cp);
  const len = dv(x).getUint32(cp, true);
  return { rc, len, out: rc === 0 ? Buffer.from(u8(x).slice(op, op + len)) : null };
}
const demos = {
  'hex-encode-leak'() {
    const { x } = load('c12-hex-encode');
    for (const n of [1000, 40000]) {
      const { x } = load('c12-hex-encode');
      const input = Buffer.alloc(n, 0x61);
      const before = x.memory.buffer.byteLength;
      for (let k = 0; k < 200; k++) callAlloc(x, input, 2 * n);
      console.log(`input ${n} bytes, capacity ${2 * n}, 200 calls (alloc in/out/cell, process, dealloc all): memory ${before} -> ${x.memory.buffer.byteLength}`);
    }
    void x;
  },
  'line-rev-info'() {
    for (const lines of [4000, 5000, 20000]) {
      const { x } = load('w12-line-rev');
      const input = Buffer.from(Array.from({ length: lines }, (_, i) => `${i}\n`).join(''));
      const before = cstr(x, x.plugin_info());
      let r;
      try { r = callGrow(x, input, input.length + 16); } catch (e) { console.log(`${lines} lines: TRAP ${e.message}`); continue; }
      const ok = r.out && r.out.toString() === Array.from({ length: lines }, (_, i) => `${lines - 1 - i}\n`).join('');
      console.log(`${lines} lines: rc=${r.rc} output ${ok ? 'right' : 'WRONG'}; plugin_info before ${JSON.stringify(before)}, after ${JSON.stringify(cstr(x, x.plugin_info()))}`);
    }
  },
  'latin1-alloc0'() {
    const { x } = load('c12-latin1-utf8');
    console.log(`alloc(0) = 0x${(x.alloc(0) >>> 0).toString(16)}`);
    const e = callAlloc(x, Buffer.alloc(0), 16);
    console.log(`empty input at alloc(0)'s pointer 0x${e.ip.toString(16)}: rc=${e.rc} len=${e.len}`);
    const q = callAlloc(x, Buffer.from([0x63, 0x61, 0x66, 0xe9]), 0);
    console.log(`"caf\\xe9" with capacity 0 at 0x${q.op.toString(16)}: rc=${q.rc} len=${q.len}`);
    const b = callAlloc(x, Buffer.alloc(0), 0);
    console.log(`empty input and capacity 0, both at alloc(0): rc=${b.rc} len=${b.len}`);
  },
  'latin1-fuzz'() {
    let fails = 0, cases = 0;
    for (let inst = 0; inst < 20; inst++) {
      const { x } = load('c12-latin1-utf8');
      for (let k = 0; k < 250; k++, cases++) {
        const n = Math.random() < 0.1 ? 0 : Math.floor(Math.random() * 300);
        const input = Buffer.from(Array.from({ length: n }, () => Math.random() < 0.5 ? Math.floor(Math.random() * 128) : Math.floor(Math.random() * 256)));
        const want = Buffer.from(input.toString('latin1'), 'utf8');
        const cap = [0, want.length, want.length - 1, want.length + 7, 4096][k % 5];
        if (cap < 0) continue;
        const r = callAlloc(x, input, cap);
        const good = cap >= want.length ? r.rc === 0 && r.out.equals(want) : r.rc === -3 && r.len === want.length;
        if (!good) { fails++; if (fails < 5) console.log('FAIL', input.toString('hex'), cap, r); }
      }
    }
    console.log(`latin1-utf8 vs Buffer latin1->utf8 oracle: ${cases} cases (alloc'd buffers, capacities 0, exact, exact-1, +7, 4096), ${fails} failures`);
  },
  'utf8-check-fuzz'() {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let fails = 0, cases = 0, ok = 0;
    const pieces = [[0x61], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xc0, 0xaf], [0xe0, 0x9f, 0x80], [0xe0, 0xa0, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xff], [0x80], [0xe2, 0x82], [0xc2], [0xef, 0xbb, 0xbf], [0xf5, 0x80, 0x80, 0x80], [0xc1, 0xbf], [0xc2, 0x80]];
    for (let inst = 0; inst < 10; inst++) {
      const { x } = load('w12-utf8-check');
      for (let k = 0; k < 300; k++, cases++) {
        const parts = [];
        const m = Math.floor(Math.random() * 6);
        for (let j = 0; j < m; j++) parts.push(...(Math.random() < 0.7 ? pieces[Math.floor(Math.random() * 5)] : pieces[Math.floor(Math.random() * pieces.length)]));
        if (Math.random() < 0.2) parts.push(Math.floor(Math.random() * 256));
        const input = Buffer.from(parts);
        let want; try { td.decode(input); want = 0; } catch { want = -1; }
        const r = callGrow(x, input, [0, 1, 64][k % 3], k % 2 === 0);
        if (want === 0) ok++;
        if (r.rc !== want || (want === 0 && r.len !== 0)) { fails++; if (fails < 5) console.log('FAIL', input.toString('hex'), want, r); }
      }
    }
    console.log(`utf8-check vs TextDecoder(fatal): ${cases} cases (${ok} valid), input at the end of memory in half of them, capacities 0/1/64: ${fails} failures`);
    const { x } = load('w12-utf8-check');
    dv(x).setUint32(8, 0, true);
    console.log(`empty input, output pointer 0, capacity 0: rc=${x.process(0, 0, 0, 8)} len=${dv(x).getUint32(8, true)}`);
  },
  'num-fixed-exact'() {
    const { x } = load('c12-num-fixed');
    const input = Buffer.from('2.5\n1');
    const a = callGrow(x, input, 64), b = callGrow(x, input, 10);
    console.log(`ample capacity: rc=${a.rc} len=${a.len} out=${a.out.toString('hex')}\nexact capacity 10: rc=${b.rc} len=${b.len} out=${b.out.toString('hex')}`);
  },
};
demos[process.argv[2]]();
