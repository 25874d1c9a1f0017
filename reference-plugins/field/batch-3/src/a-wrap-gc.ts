// wrap: greedy word wrap of UTF-8 text at 40 characters: words are separated by single spaces,
// lines by "\n"; a word longer than 40 stays whole on its own line; input "\n"s end paragraphs.
// Input that is not UTF-8 is -1. alloc hands the host ArrayBuffers from the managed heap.
const INFO = memory.data<u8>([0x77, 0x72, 0x61, 0x70, 0x20, 0x76, 0x30, 0x2e, 0x34, 0x2e, 0x30, 0x00]); // "wrap v0.4.0"
const WIDTH = 40;

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function validUtf8(p: usize, n: usize): bool {
  let i: usize = 0;
  while (i < n) {
    const c = <u32>load<u8>(p + i);
    let len: usize; let cp: u32;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (len > n - i) return false;
    for (let k: usize = 1; k < len; k++) {
      const d = <u32>load<u8>(p + i + k);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && cp < 0x800) return false;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += len;
  }
  return true;
}

function wrapText(text: string): string {
  const paragraphs = text.split("\n");
  const outLines = new Array<string>();
  for (let p = 0; p < paragraphs.length; p++) {
    const words = paragraphs[p].split(" ");
    let line = "";
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      if (word.length == 0) continue;
      if (line.length == 0) line = word;
      else if (line.length + 1 + word.length <= WIDTH) line = line + " " + word;
      else { outLines.push(line); line = word; }
    }
    outLines.push(line);
  }
  return outLines.join("\n");
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!validUtf8(inputPtr, inputLen)) return -1;
  if (inputLen == 0) { store<u32>(outputLenPtr, 0); return 0; }
  const wrapped = wrapText(String.UTF8.decodeUnsafe(inputPtr, inputLen));
  const need = <usize>String.UTF8.byteLength(wrapped);
  if (need > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>need); return -3; }
  const written = String.UTF8.encodeUnsafe(changetype<usize>(wrapped), wrapped.length, outputPtr);
  store<u32>(outputLenPtr, <u32>written);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0;
  return changetype<usize>(new ArrayBuffer(<i32>size));
}
// The buffer is garbage-collected once the host is done with it.
export function dealloc(_ptr: usize, _size: usize): void {}
export function plugin_info(): usize { return INFO; }
