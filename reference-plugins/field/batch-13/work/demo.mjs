// demo.mjs: small hand-made host calls for the cases try.mjs cannot stage.
//   node demo.mjs csv-cut-end    output buffer (capacity 0) at the very end of memory
//   node demo.mjs csv-cut-guard  the same -3 call with two different neighbour fills
import { readFileSync } from 'node:fs';
const dist = new URL('./dist/', import.meta.url);
async function load(name, logs) {
  const mod = new WebAssembly.Module(readFileSync(new URL(`${name}.wasm`, dist)));
  let mem;
  const imports = { env: { host_log: (p, l) => logs.push(Buffer.from(new Uint8Array(mem.buffer, p, l)).toString('latin1')) } };
  const inst = new WebAssembly.Instance(mod, imports);
  mem = inst.exports.memory;
  return inst.exports;
}
const which = process.argv[2];
const input = Buffer.from('name,age\nalice,1\nbob,2\n');
if (which === 'csv-cut-end' || which === 'csv-cut-guard') {
  for (const fill of which === 'csv-cut-end' ? [0] : [0xaa, 0x41]) {
    const logs = [];
    const ex = await load('c13-csv-cut', logs);
    const base = ex.memory.buffer.byteLength;
    ex.memory.grow(1);
    const u8 = new Uint8Array(ex.memory.buffer);
    const inPtr = base, cell = base + 256;
    u8.set(input, inPtr);
    let outPtr;
    if (which === 'csv-cut-end') { outPtr = u8.length; new DataView(ex.memory.buffer).setUint32(cell, 0, true); }
    else { outPtr = base + 1024; u8.fill(fill, outPtr, outPtr + 64); new DataView(ex.memory.buffer).setUint32(cell, 4, true); }
    let rc;
    try { rc = ex.process(inPtr, input.length, outPtr, cell); } catch (e) { rc = `TRAP ${e.message}`; }
    const len = new DataView(ex.memory.buffer).getUint32(cell, true);
    console.log(`out=0x${outPtr.toString(16)} (memory ${u8.length}) fill=0x${fill.toString(16)}: rc=${rc} *output_len=${len} host_log=${JSON.stringify(logs)}`);
  }
}
