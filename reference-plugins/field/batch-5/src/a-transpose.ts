// transpose: transposes a text grid: line k of the output is column k of the input, so
// "abc\nde" -> "ad\nbe\nc ". Short lines are padded with spaces to the longest; every output
// line ends in LF; a final LF on the input does not start another row. Any bytes are accepted
// (columns are bytes). The grid is built in a heap block; the host's buffers come from the
// same heap through alloc/dealloc.
const INFO = memory.data<u8>([0x74, 0x72, 0x61, 0x6e, 0x73, 0x70, 0x6f, 0x73, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x32, 0x2e, 0x30, 0x00]); // "transpose v1.2.0"
function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  // rows and the widest row
  let rows: usize = 0, cols: usize = 0, w: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    if (load<u8>(inputPtr + i) == 10) { rows++; if (w > cols) cols = w; w = 0; } else w++;
  }
  if (w > 0) { rows++; if (w > cols) cols = w; }
  const need = cols * (rows + 1);
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  if (need == 0) { store<u32>(outputLenPtr, 0); return 0; }
  // grid[c * (rows + 1) + r] is row r of output line c; the last byte of each line is LF
  const grid = heap.alloc(need);
  let r: usize = 0, c: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const b = load<u8>(inputPtr + i);
    if (b == 10) { r++; c = 0; continue; }
    store<u8>(grid + c * (rows + 1) + r, b);
    c++;
  }
  for (let k: usize = 0; k < cols; k++) store<u8>(grid + k * (rows + 1) + rows, 10);
  memory.copy(outputPtr, grid, need);
  heap.free(grid);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}
export function alloc(size: usize): usize { return heap.alloc(size); }
export function dealloc(ptr: usize, _size: usize): void { if (ptr != 0) heap.free(ptr); }
export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010200; }
