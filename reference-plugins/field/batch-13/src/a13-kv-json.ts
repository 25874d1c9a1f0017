// kv-json: turns "key=value" lines (a .env or properties file) into one JSON object, keys and
// values as strings in input order: "a=1\nb=x y\n" -> {"a":"1","b":"x y"}. The first '=' splits
// a line; a line without '=' is a key with an empty value, as in .properties files ("debug" ->
// "debug":""); blank lines (and a CR before the LF) are ignored; input that is not UTF-8 gives -1. Quotes, backslashes and control characters are escaped (\" \\ \n \r \t,
// \u00XX for the rest); other characters are copied. The empty input gives {}. -3 with the
// exact size. Default runtime (the JSON text is built as a string), alloc/dealloc over
// heap.alloc/heap.free; no imports.
const INFO = memory.data<u8>([0x6b, 0x76, 0x2d, 0x6a, 0x73, 0x6f, 0x6e, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x34, 0x00]); // "kv-json v1.0.4"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function plugin_info(): usize { return INFO; }

export function alloc(size: usize): usize {
  if (size > 0x10000000) return 0;
  return heap.alloc(size);
}

export function dealloc(ptr: usize, _size: usize): void {
  if (ptr) heap.free(ptr);
}

function validUtf8(p: usize, end: usize): bool {
  while (p < end) {
    const c = <u32>load<u8>(p);
    if (c < 0x80) { p++; continue; }
    let n: u32, min: u32, cp: u32;
    if ((c & 0xe0) == 0xc0) { n = 1; min = 0x80; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { n = 2; min = 0x800; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { n = 3; min = 0x10000; cp = c & 0x07; }
    else return false;
    if (<usize>n >= end - p) return false;
    for (let i: u32 = 1; i <= n; i++) {
      const b = <u32>load<u8>(p + i);
      if ((b & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    p += 1 + n;
  }
  return true;
}

const HEX = "0123456789abcdef";

function quote(s: string): string {
  let r = "\"";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 0x22) r += "\\\"";
    else if (c == 0x5c) r += "\\\\";
    else if (c == 0x0a) r += "\\n";
    else if (c == 0x0d) r += "\\r";
    else if (c == 0x09) r += "\\t";
    else if (c < 0x20) r += "\\u00" + HEX.charAt(c >> 4) + HEX.charAt(c & 15);
    else r += String.fromCharCode(c);
  }
  return r + "\"";
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  if (!validUtf8(inputPtr, inputPtr + inputLen)) return -1;
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  const lines = text.split("\n");
  let json = "{";
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith("\r")) line = line.substring(0, line.length - 1);
    if (line.length == 0) continue;
    const eq = line.indexOf("=");
    if (!first) json += ",";
    if (eq < 0) json += quote(line) + ":\"\"";
    else json += quote(line.substring(0, eq)) + ":" + quote(line.substring(eq + 1));
    first = false;
  }
  json += "}";
  const need = <usize>String.UTF8.byteLength(json);
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  String.UTF8.encodeUnsafe(changetype<usize>(json), json.length, outputPtr);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}
