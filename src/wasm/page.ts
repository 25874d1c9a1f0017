/** The size of one WebAssembly memory page; memory.grow and memory.size count in these. */
export const WASM_PAGE_BYTES = 65536;

/** The most pages a wasm32 memory can have: 4 GiB. */
export const MAX_PAGES = 65536;
