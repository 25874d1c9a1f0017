/* eslint-disable -- AssemblyScript, compiled by asc: the repository's TypeScript lint rules do not apply. */
// swap-case: swaps the case of ASCII letters ("Hello" -> "hELLO"); other bytes pass through.
// Allocates nothing. Built with a custom abort so that it imports nothing.

// Called instead of env.abort (asc --use abort=swap-case/abortHandler).
function abortHandler(
  _message: string | null,
  _fileName: string | null,
  _line: u32,
  _column: u32,
): void {
  unreachable();
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
    let c = load<u8>(inputPtr + i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) c ^= 32;
    store<u8>(outputPtr + i, c);
  }
  store<u32>(outputLenPtr, inputLen as u32);
  return 0;
}

const INFO = 'swap-case v1.0.0';

export function plugin_info(): usize {
  return changetype<usize>(INFO);
}
