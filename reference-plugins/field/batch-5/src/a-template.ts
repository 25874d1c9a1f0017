//asc: --runtime stub
// template: expands the escape placeholders of a plain-text template: {{tab}} -> TAB,
// {{nl}} -> LF, {{lb}} -> "{", {{rb}} -> "}". A placeholder with any other name, and a "{{"
// that is never closed, are copied as they are. Any bytes are accepted. The output is never
// longer than the input; one function measures and writes (it writes only when given a
// buffer).
const INFO = memory.data<u8>([0x74, 0x65, 0x6d, 0x70, 0x6c, 0x61, 0x74, 0x65, 0x20, 0x76, 0x30, 0x2e, 0x33, 0x2e, 0x30, 0x00]); // "template v0.3.0"
function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// index of the first "}}" at or after from, or -1
function findClose(p: usize, n: usize, from: usize): isize {
  for (let j = from; j + 1 < n; j++) {
    if (load<u8>(p + j) == 0x7D && load<u8>(p + j + 1) == 0x7D) return <isize>j;
  }
  return -1;
}

function nameIs(p: usize, len: usize, name: string): bool {
  if (len != <usize>name.length) return false;
  for (let k: usize = 0; k < len; k++) if (<i32>load<u8>(p + k) != name.charCodeAt(<i32>k)) return false;
  return true;
}

function expand(p: usize, n: usize, out: usize): usize {
  let o: usize = 0;
  let i: usize = 0;
  while (i < n) {
    const c = load<u8>(p + i);
    if (c == 0x7B && i + 1 < n && load<u8>(p + i + 1) == 0x7B) {
      const j = findClose(p, n, i + 2);
      if (j >= 0) {
        const nameP = p + i + 2, nameLen = <usize>j - (i + 2);
        let r: i32 = -1;
        if (nameIs(nameP, nameLen, "tab")) r = 9;
        else if (nameIs(nameP, nameLen, "nl")) r = 10;
        else if (nameIs(nameP, nameLen, "lb")) r = 0x7B;
        else if (nameIs(nameP, nameLen, "rb")) r = 0x7D;
        if (r >= 0) {
          if (out) store<u8>(out + o, <u8>r);
          o++;
          i = <usize>j + 2;
          continue;
        }
      }
    }
    if (out) store<u8>(out + o, c);
    o++;
    i++;
  }
  return o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const need = expand(inputPtr, inputLen, 0);
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  store<u32>(outputLenPtr, <u32>expand(inputPtr, inputLen, outputPtr));
  return 0;
}
export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x000300; }
