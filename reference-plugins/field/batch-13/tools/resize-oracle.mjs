// Host script: compares resize_image and process of a resize plugin with a JS oracle of the
// guide's f32 formula, over random sizes, on ONE instance (calls in sequence) or a fresh
// instance per case (--fresh). Buffers at odd addresses inside a grown region.
// usage: [MAXDST=n] node resize-oracle.mjs <plugin.wasm> [--fresh] [cases]   (dst sizes 1..MAXDST, default 90)
import { readFileSync } from 'node:fs';
const args = process.argv.slice(2);
const file = args[0];
const fresh = args.includes('--fresh');
const cases = Number(args.find((a, i) => i > 0 && /^\d+$/.test(a)) ?? 300);
const mod = new WebAssembly.Module(readFileSync(file));
const f = Math.fround;
function oracle(src, sw, sh, dw, dh) {
  const out = new Uint8Array(dw * dh * 3);
  const xr = f(f(sw) / f(dw)), yr = f(f(sh) / f(dh));
  for (let y = 0; y < dh; y++) for (let x = 0; x < dw; x++) {
    const sx = Math.min(Math.trunc(f(f(x) * xr)), sw - 1), sy = Math.min(Math.trunc(f(f(y) * yr)), sh - 1);
    for (let c = 0; c < 3; c++) out[(y * dw + x) * 3 + c] = src[(sy * sw + sx) * 3 + c];
  }
  return out;
}
const stub = new Proxy({}, { get: () => () => 0 });
const imports = { wasi_snapshot_preview1: stub, env: stub };
let inst = null;
let seed = 7;
const rnd = (n) => { // mulberry32
  seed = (seed + 0x6d2b79f5) >>> 0; let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
let bad = 0;
function place(exp, bytes) {
  // host-grown pages when there is no alloc; alloc otherwise; +1 for an odd address
  if (exp.alloc) { const p = exp.alloc(bytes + 1); return p + 1; }
  const base = exp.memory.grow(Math.ceil((bytes + 1) / 65536) + 1) * 65536; return base + 1;
}
for (let k = 0; k < cases; k++) {
  if (!inst || fresh) inst = new WebAssembly.Instance(mod, imports);
  const e = inst.exports;
  const maxDst = Number(process.env.MAXDST ?? 90);
  const sw = 1 + rnd(40), sh = 1 + rnd(40), dw = 1 + rnd(maxDst), dh = 1 + rnd(maxDst);
  const src = Uint8Array.from({ length: sw * sh * 3 }, () => rnd(256));
  const want = oracle(src, sw, sh, dw, dh);
  const hdr = new Uint8Array(new Uint32Array([sw, sh, dw, dh]).buffer);
  // resize_image
  const ip = place(e, src.length), pp = place(e, 16), op = place(e, want.length);
  new Uint8Array(e.memory.buffer).set(src, ip); new Uint8Array(e.memory.buffer).set(hdr, pp);
  let rc, got;
  try { rc = e.resize_image(ip, pp, op); got = new Uint8Array(e.memory.buffer, op, want.length).slice(); }
  catch (err) { rc = 'trap: ' + err.message; }
  const ok1 = rc === 0 && Buffer.compare(Buffer.from(got), Buffer.from(want)) === 0;
  // process
  const inp = new Uint8Array(16 + src.length); inp.set(hdr); inp.set(src, 16);
  const ip2 = place(e, inp.length), op2 = place(e, want.length), cp = place(e, 4);
  new Uint8Array(e.memory.buffer).set(inp, ip2); new DataView(e.memory.buffer).setUint32(cp, want.length, true);
  let rc2, got2;
  try { rc2 = e.process(ip2, inp.length, op2, cp); got2 = new Uint8Array(e.memory.buffer, op2, new DataView(e.memory.buffer).getUint32(cp, true)).slice(); }
  catch (err) { rc2 = 'trap: ' + err.message; }
  const ok2 = rc2 === 0 && Buffer.compare(Buffer.from(got2), Buffer.from(want)) === 0;
  if (!ok1 || !ok2) { bad++; if (bad <= 3) console.log(`case ${k}: ${sw}x${sh} -> ${dw}x${dh}: resize_image ${ok1 ? 'ok' : 'WRONG rc=' + rc}, process ${ok2 ? 'ok' : 'WRONG rc=' + rc2}`); }
}
console.log(`${file}${fresh ? ' (fresh instance per case)' : ' (one instance)'}: ${cases - bad}/${cases} cases match the oracle`);
