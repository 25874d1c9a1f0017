/** The size of one WebAssembly memory page; memory.grow and memory.size count in these. */
export const WASM_PAGE_BYTES = 65536;
