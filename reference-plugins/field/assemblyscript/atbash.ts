/* eslint-disable -- AssemblyScript, compiled by asc: the repository's TypeScript lint rules do not apply. */
// atbash: the Atbash cipher on ASCII letters (a <-> z, b <-> y, ...; case is kept).
// Every other byte passes through. Built with AssemblyScript's default options.

// "atbash v1.0.0" + NUL, as UTF-8 bytes (AssemblyScript strings are UTF-16).
const INFO = memory.data<u8>([
  0x61, 0x74, 0x62, 0x61, 0x73, 0x68, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00,
]);

const REVERSED: StaticArray<u8> = [
  122, 121, 120, 119, 118, 117, 116, 115, 114, 113, 112, 111, 110, 109, 108, 107, 106, 105, 104,
  103, 102, 101, 100, 99, 98, 97,
];

function atbash(c: u8): u8 {
  if (c >= 97 && c <= 122) return REVERSED[c - 97];
  if (c >= 65 && c <= 90) return REVERSED[c - 65] - 32;
  return c;
}

export function process(
  inputPtr: usize,
  inputLen: usize,
  outputPtr: usize,
  outputLenPtr: usize,
): i32 {
  if (outputLenPtr == 0) return -1;
  const capacity = load<u32>(outputLenPtr) as usize;
  if (inputLen > capacity) {
    store<u32>(outputLenPtr, inputLen as u32);
    return -3;
  }
  for (let i: usize = 0; i < inputLen; i++) {
    store<u8>(outputPtr + i, atbash(load<u8>(inputPtr + i)));
  }
  store<u32>(outputLenPtr, inputLen as u32);
  return 0;
}

export function plugin_info(): usize {
  return INFO;
}
