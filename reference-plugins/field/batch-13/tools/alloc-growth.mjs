// Host script: calls process through the plugin's own alloc/dealloc, the way a host that takes
// every buffer from alloc does (input block, output block of 4n+1024, 4-byte cell; freed after
// the call in that order), and prints the memory size every `every` calls.
// usage: node alloc-growth.mjs <plugin.wasm> <calls> <same|vary|rand>
// same: 100 bytes each call; vary: 101, 102, ... bytes; rand: 1..65536 bytes (fixed LCG seed)
import { readFileSync } from 'node:fs';
const [file, callsArg, mode] = process.argv.slice(2);
const calls = Number(callsArg);
const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), {});
const { memory, alloc, dealloc, process: proc } = inst.exports;
const every = calls / 5;
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) % 65536 + 1;
for (let k = 1; k <= calls; k++) {
  const n = mode === 'same' ? 100 : mode === 'rand' ? rnd() : 100 + k;
  const input = Buffer.alloc(n, 'caf\xe9 '.repeat(1), 'latin1');
  const cap = 4 * n + 1024;
  const ip = alloc(n), op = alloc(cap), cp = alloc(4);
  new Uint8Array(memory.buffer).set(input, ip);
  new DataView(memory.buffer).setUint32(cp, cap, true);
  const rc = proc(ip, n, op, cp);
  if (rc !== 0) { console.log(`call ${k}: rc ${rc}`); process.exit(1); }
  dealloc(ip, n); dealloc(op, cap); dealloc(cp, 4);
  if (k % every === 0) console.log(`${mode}: after ${k} calls memory = ${memory.buffer.byteLength / 65536} pages`);
}
