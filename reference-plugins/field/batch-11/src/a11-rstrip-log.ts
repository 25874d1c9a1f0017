// rstrip-log: removes trailing spaces and tabs from every line ("a  \nb\t\n" -> "a\nb\n"), the
// way editors do on save; a CR before the LF is kept (so CR LF text stays CR LF), as is a last
// line without a LF. Every input is accepted; the empty input gives the empty output. -3 with
// the needed size.
// The unusual part is the logging: it reports through env.host_log, a lot. init and cleanup
// log a line each, and every call logs one line per line it changed ("line 12: removed 3
// trailing bytes"), then a summary. To stay inside the host's per-call log limit (64 KiB), the
// per-line messages stop once 48 KiB have been logged in the call; the summary then says how
// many changed lines were not listed. All messages are ASCII. Nothing is logged on the -3
// path, which is sized with the same pass. Messages are built in a static 128-byte buffer; no
// heap. The number of calls is kept only for the cleanup message; results do not depend on it.
@external("env", "host_log")
declare function host_log(ptr: usize, len: usize): void;

const INFO = memory.data<u8>([0x72, 0x73, 0x74, 0x72, 0x69, 0x70, 0x2d, 0x6c, 0x6f, 0x67, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "rstrip-log v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const LF: u8 = 0x0a;
const CR: u8 = 0x0d;
const LOG_BUDGET: usize = 48 * 1024;

const MSG = memory.data(128);
let msgLen: usize = 0;
let logged: usize = 0;
let calls: u32 = 0;

function put(s: string): void {
  for (let i = 0; i < s.length; i++) store<u8>(MSG + msgLen++, <u8>s.charCodeAt(i));
}

function putNum(v: u64): void {
  let digits: usize = 1;
  for (let t = v; t >= 10; t /= 10) digits++;
  let o = MSG + msgLen + digits;
  do { store<u8>(--o, <u8>(0x30 + <u32>(v % 10))); v /= 10; } while (v != 0);
  msgLen += digits;
}

function flush(): void {
  host_log(MSG, msgLen);
  logged += msgLen;
  msgLen = 0;
}

export function init(): i32 {
  put("rstrip-log: ready");
  flush();
  return 0;
}

export function cleanup(): void {
  put("rstrip-log: unloading after ");
  putNum(calls);
  put(" calls");
  flush();
}

function isBlank(c: u8): bool { return c == 0x20 || c == 0x09; }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  calls++;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  // Sizing: the input minus every line's trailing run (before its CR, if any).
  let need = inputLen;
  let p = inputPtr;
  while (p < end) {
    let lineEnd = p;
    while (lineEnd < end && load<u8>(lineEnd) != LF) lineEnd++;
    let textEnd = lineEnd;
    if (textEnd > p && load<u8>(textEnd - 1) == CR) textEnd--;
    let keep = textEnd;
    while (keep > p && isBlank(load<u8>(keep - 1))) keep--;
    need -= textEnd - keep;
    p = lineEnd + 1;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  logged = 0;
  let lineNo: u64 = 0;
  let changed: u64 = 0;
  let unlisted: u64 = 0;
  let removed: u64 = 0;
  let o = outputPtr;
  p = inputPtr;
  while (p < end) {
    lineNo++;
    let lineEnd = p;
    while (lineEnd < end && load<u8>(lineEnd) != LF) lineEnd++;
    let textEnd = lineEnd;
    if (textEnd > p && load<u8>(textEnd - 1) == CR) textEnd--;
    let keep = textEnd;
    while (keep > p && isBlank(load<u8>(keep - 1))) keep--;
    memory.copy(o, p, keep - p);
    o += keep - p;
    memory.copy(o, textEnd, lineEnd - textEnd);
    o += lineEnd - textEnd;
    if (lineEnd < end) store<u8>(o++, LF);
    if (keep < textEnd) {
      changed++;
      removed += textEnd - keep;
      if (logged < LOG_BUDGET) {
        put("line "); putNum(lineNo); put(": removed "); putNum(textEnd - keep); put(" trailing bytes");
        flush();
      } else {
        unlisted++;
      }
    }
    p = lineEnd + 1;
  }
  put("rstrip-log: "); putNum(changed); put(" lines changed, "); putNum(removed); put(" bytes removed");
  if (unlisted > 0) { put(", "); putNum(unlisted); put(" not listed"); }
  flush();

  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
